#!/usr/bin/python3
"""How long a workbook kernel takes to answer its first cell, with and without workbook-flink.

usage: measure-kernel-start.py KERNELSPEC_DIR [STARTS]

KERNELSPEC_DIR is an installed kernelspec (./workbook kernel installs one in
target/jupyter/kernels/kinesis-workbook). The script makes a copy of it without workbook-flink's jars
on RJK_CLASSPATH and without Flink's import in the init script, then starts each kernel STARTS times
(default 4), alternating: start, wait until ready, run one cell, shut down. It prints each start and
the range per kernel: what workbook-flink on the class path costs every notebook's start.
"""
import json
import os
import shutil
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel


def without_flink(spec_dir, into):
    """A copy of the kernelspec in INTO/kernels/NAME without workbook-flink; returns its name."""
    with open(os.path.join(spec_dir, "kernel.json")) as f:
        spec = json.load(f)
    env = spec["env"]
    entries = env["RJK_CLASSPATH"].split(";")
    env["RJK_CLASSPATH"] = ";".join(e for e in entries if "flink" not in e)
    with open(env["RJK_INIT_SCRIPT"]) as f:
        init = f.read().splitlines()
    init_copy = os.path.join(into, "init-without-flink.jshell")
    with open(init_copy, "w") as out:
        out.write("\n".join(line for line in init if "flink" not in line) + "\n")
    env["RJK_INIT_SCRIPT"] = init_copy
    name = "kinesis-workbook-without-flink"
    os.makedirs(os.path.join(into, "kernels", name))
    with open(os.path.join(into, "kernels", name, "kernel.json"), "w") as f:
        json.dump(spec, f)
    print(f"class path: {len(entries)} entries with workbook-flink, {len(env['RJK_CLASSPATH'].split(';'))} without")
    return name


def first_cell_seconds(kernel_name):
    started = time.monotonic()
    manager, client = start_new_kernel(kernel_name=kernel_name, startup_timeout=120)
    try:
        client.execute_interactive('System.out.println("ready");', timeout=120, output_hook=lambda msg: None)
        return time.monotonic() - started
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main():
    spec_dir = sys.argv[1]
    starts = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    with tempfile.TemporaryDirectory() as data:
        shutil.copytree(spec_dir, os.path.join(data, "kernels", "kinesis-workbook"))
        other = without_flink(spec_dir, data)
        os.environ["JUPYTER_PATH"] = data
        times = {"kinesis-workbook": [], other: []}
        for i in range(starts):
            for name in times:
                seconds = first_cell_seconds(name)
                times[name].append(seconds)
                print(f"{name}: start {i + 1} answered its first cell in {seconds:.1f} s", flush=True)
        for name, values in times.items():
            print(f"{name}: {min(values):.1f} to {max(values):.1f} s over {starts} starts")


if __name__ == "__main__":
    main()
