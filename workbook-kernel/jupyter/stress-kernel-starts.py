#!/usr/bin/python3
"""Start a kernelspec N times with jupyter_client and check every start end-to-end.

usage: stress-kernel-starts.py N KERNEL_NAME [--first-info-timeout 20] [--ready-timeout 20] [--logdir DIR] [--csv FILE]

Per start: KernelManager.start_kernel -> ONE kernel_info_request on a fresh shell channel at once, and its
reply awaited (first_info_timeout; what classic Notebook 6 does when a notebook opens: it asks once and
then waits 60 s, so a kernel that drops this request leaves the learner waiting a minute)
-> client.wait_for_ready(ready_timeout) (kernel_info on shell, asked again until answered)
-> heartbeat ping (3 s) -> execute "1+1" (reply ok + execute_result "2", 20 s) -> shutdown_request on
control (reply within 5 s) -> process gone (else killed).  A start "fails" if any step fails.
Kernel stderr goes to DIR/<i>.err; with WORKBOOK_KERNEL_TRACE=1 (as stress-kernel-starts.sh sets it),
"[workbook kernel] trace: restarted ..." lines there are loops the LoopGuard rescued (hidden restarts) and
"trace: dropped ..." lines requests that came before the kernel's handlers. Any other stderr line is
"noise": what a user would see on a start, which should be nothing on a healthy one.
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import time

import zmq
from jupyter_client.manager import KernelManager


def hb_ping(km, timeout=3.0):
    ctx = zmq.Context.instance()
    s = ctx.socket(zmq.REQ)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(f"tcp://{km.ip}:{km.hb_port}")
    try:
        s.send(b"ping")
        return s.poll(int(timeout * 1000)) != 0 and s.recv() == b"ping"
    finally:
        s.close(linger=0)


def java_threads(pid):
    """Names of the kernel loop threads alive in a JVM (diagnosis only)."""
    try:
        out = subprocess.run(["jstack", str(pid)], capture_output=True, text=True, timeout=20).stdout
    except Exception as e:
        return f"jstack failed: {e}"
    names = re.findall(r'^"((?:Shell|Heartbeat)-\d+)"', out, re.M)
    return " ".join(sorted(names)) or "no loop threads"


def first_kernel_info(kc, timeout):
    """Seconds until the reply to one kernel_info_request sent now, or None if none came within timeout."""
    t0 = time.monotonic()
    mid = kc.kernel_info()
    try:
        while time.monotonic() - t0 < timeout:
            reply = kc.get_shell_msg(timeout=max(0.01, timeout - (time.monotonic() - t0)))
            if reply["parent_header"].get("msg_id") == mid:
                return round(time.monotonic() - t0, 2)
    except Exception:  # queue.Empty
        pass
    return None


def one(i, name, first_info_timeout, ready_timeout, logdir):
    r = {"i": i, "first_info": 0, "t_first_info": "", "ready": 0, "hb": 0, "exec": 0, "control": 0, "exit": 0,
         "t_ready": "", "t_total": "", "restarts": 0, "dropped": 0, "npe": 0, "noise": 0, "diag": ""}
    t0 = time.monotonic()
    err = open(os.path.join(logdir, f"{i}.err"), "w")
    km = KernelManager(kernel_name=name)
    km.shutdown_wait_time = 5.0
    km.start_kernel(stderr=err, stdout=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        t_first_info = first_kernel_info(kc, first_info_timeout)
        r["first_info"] = int(t_first_info is not None)
        r["t_first_info"] = "" if t_first_info is None else t_first_info
        try:
            kc.wait_for_ready(timeout=ready_timeout)
            r["ready"] = 1
            r["t_ready"] = round(time.monotonic() - t0, 2)
        except RuntimeError as e:
            r["diag"] = str(e)[:60]
        r["hb"] = int(hb_ping(km))
        if r["ready"]:
            mid = kc.execute("1+1")
            try:
                reply = kc.get_shell_msg(timeout=20)
                while reply["parent_header"].get("msg_id") != mid:
                    reply = kc.get_shell_msg(timeout=20)
                got2 = False
                while True:
                    m = kc.get_iopub_msg(timeout=5)
                    if m["parent_header"].get("msg_id") != mid:
                        continue
                    if m["msg_type"] == "execute_result":
                        got2 = "2" in "".join(str(v) for v in m["content"]["data"].values())
                    if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                        break
                r["exec"] = int(reply["content"]["status"] == "ok" and got2)
            except Exception as e:  # queue.Empty
                r["diag"] += f" exec:{type(e).__name__}"
        pid = km.provisioner.process.pid if km.provisioner and km.provisioner.process else None
        if not (r["ready"] and r["hb"] and r["exec"]) and pid and name.endswith(("raw", "patched")):
            r["diag"] += " threads:" + java_threads(pid)
        # shutdown through the control channel
        # rapaio 3.0.1 sends shutdown_reply through its SHELL socket (protocol deviation): accept both
        msg_id = kc.shutdown()
        t_end = time.monotonic() + 5
        while not r["control"] and time.monotonic() < t_end:
            for get in (kc.get_control_msg, kc.get_shell_msg):
                try:
                    rep = get(timeout=0.05)
                except Exception:
                    continue
                if rep["msg_type"] == "shutdown_reply" and rep["parent_header"].get("msg_id") == msg_id:
                    r["control"] = 1
        if not r["control"]:
            r["diag"] += " no shutdown_reply"
        t_exit = time.monotonic() + 5
        while km.is_alive() and time.monotonic() < t_exit:
            time.sleep(0.05)
        r["exit"] = int(not km.is_alive())
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
        else:
            km.cleanup_resources()
        err.close()
    log = open(os.path.join(logdir, f"{i}.err")).read()
    r["restarts"] = log.count("[workbook kernel] trace: restarted")
    r["dropped"] = log.count("[workbook kernel] trace: dropped")
    r["npe"] = len(re.findall(r"NullPointerException", log))
    r["noise"] = sum(1 for line in log.splitlines() if line.strip() and not line.startswith("[workbook kernel] trace: "))
    r["t_total"] = round(time.monotonic() - t0, 2)
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("kernel")
    ap.add_argument("--first-info-timeout", type=float, default=20)
    ap.add_argument("--ready-timeout", type=float, default=20)
    ap.add_argument("--logdir", default="stress-logs")
    ap.add_argument("--csv", default=None)
    a = ap.parse_args()
    os.makedirs(a.logdir, exist_ok=True)
    rows = []
    fields = ["i", "first_info", "t_first_info", "ready", "hb", "exec", "control", "exit", "t_ready", "t_total", "restarts", "dropped", "npe", "noise", "diag"]
    w = None
    if a.csv:
        fcsv = open(a.csv, "w", newline="")
        w = csv.DictWriter(fcsv, fieldnames=fields)
        w.writeheader()
    t0 = time.monotonic()
    for i in range(1, a.n + 1):
        r = one(i, a.kernel, a.first_info_timeout, a.ready_timeout, a.logdir)
        rows.append(r)
        ok = r["first_info"] and r["ready"] and r["hb"] and r["exec"] and r["control"] and r["exit"]
        r["ok"] = ok
        if w:
            w.writerow({k: r[k] for k in fields})
            fcsv.flush()
        print(f"{i:4d} {'OK  ' if ok else 'FAIL'} first_info={r['first_info']} t_first_info={r['t_first_info']} ready={r['ready']} hb={r['hb']} exec={r['exec']} "
              f"ctl={r['control']} exit={r['exit']} t_ready={r['t_ready']} t={r['t_total']} "
              f"restarts={r['restarts']} dropped={r['dropped']} npe={r['npe']} noise={r['noise']} {r['diag']}", flush=True)
    fails = [r for r in rows if not r["ok"]]
    tr = sorted(r["t_ready"] for r in rows if r["t_ready"] != "")
    tf = sorted(r["t_first_info"] for r in rows if r["t_first_info"] != "")
    pct = lambda p, ts=tr: ts[min(len(ts) - 1, int(p * len(ts)))] if ts else None
    print(f"SUMMARY kernel={a.kernel} starts={len(rows)} failures={len(fails)} "
          f"(first_info={sum(1 - r['first_info'] for r in rows)} ready={sum(1 - r['ready'] for r in rows)} hb={sum(1 - r['hb'] for r in rows)} "
          f"exec={sum(1 - r['exec'] for r in rows)} control={sum(1 - r['control'] for r in rows)} "
          f"exit={sum(1 - r['exit'] for r in rows)}) hidden_restarts={sum(r['restarts'] for r in rows)} "
          f"starts_with_restart={sum(1 for r in rows if r['restarts'])} npe_logs={sum(r['npe'] for r in rows)} "
          f"dropped_requests={sum(r['dropped'] for r in rows)} noise_lines={sum(r['noise'] for r in rows)} "
          f"t_first_info p50={pct(0.5, tf)} max={tf[-1] if tf else None} t_ready p50={pct(0.5)} p90={pct(0.9)} max={tr[-1] if tr else None} "
          f"wall={time.monotonic() - t0:.0f}s", flush=True)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
