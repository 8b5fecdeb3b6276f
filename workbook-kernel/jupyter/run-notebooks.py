#!/usr/bin/env python3
"""Executes notebooks headlessly through the real Jupyter toolchain (nbclient) and the workbook kernel.

usage: run-notebooks.py --output-dir DIR NOTEBOOK.ipynb...

For each notebook it writes the executed copy (NAME.ipynb) and an HTML rendering (NAME.html) to
DIR. It exits non-zero if any cell fails, printing that cell's error. A kernel that does not start
is tried again (three attempts); a failing cell never is.
"""
import argparse
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError
from nbconvert import HTMLExporter

KERNEL = "kinesis-workbook"
ATTEMPTS = 3
# The kernel colours its error tracebacks with ANSI escape codes, which Jupyter renders as colour
# but a log file, a CI console or a test report shows as "\x1b[1;31m" noise.
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def readable(text, stream):
    """The text as it should appear on stream: colour codes kept only for a terminal."""
    return text if stream.isatty() else ANSI_ESCAPE.sub("", text)


def execute(path):
    """Runs one notebook; returns the executed notebook, or raises CellExecutionError."""
    for attempt in range(1, ATTEMPTS + 1):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=600, startup_timeout=60,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        try:
            return client.execute()
        except CellExecutionError:
            raise
        except (RuntimeError, TimeoutError, DeadKernelError) as e:
            if attempt == ATTEMPTS or "didn't respond" not in str(e) and "died" not in str(e).lower():
                raise
            print(f"{path}: the kernel did not start ({e}); attempt {attempt + 1} of {ATTEMPTS}", file=sys.stderr)
            time.sleep(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--output-dir", required=True)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.output_dir, exist_ok=True)
    failed = 0
    for path in args.notebooks:
        name = os.path.splitext(os.path.basename(path))[0]
        started = time.monotonic()
        try:
            nb = execute(path)
        except CellExecutionError as e:
            failed += 1
            print(readable(f"FAILED {path}:\n{e}", sys.stderr), file=sys.stderr)
            continue
        nbformat.write(nb, os.path.join(args.output_dir, name + ".ipynb"))
        html, _ = HTMLExporter().from_notebook_node(nb)
        with open(os.path.join(args.output_dir, name + ".html"), "w") as f:
            f.write(html)
        print(f"ok     {path} ({time.monotonic() - started:.1f} s) -> {args.output_dir}/{name}.ipynb, .html")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
