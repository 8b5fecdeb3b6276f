#!/usr/bin/env bash
# usage: stress-kernel-starts.sh N [KERNEL_NAME] [LOAD_PROCS]
# Starts KERNEL_NAME (default kinesis-workbook) N times while LOAD_PROCS (default: nproc) busy
# loops ("yes > /dev/null") keep every core at 100 %.  Uses the Debian python (/usr/bin/python3).
# Kernelspecs are looked up with the normal Jupyter path (set JUPYTER_PATH for a --data-dir install).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
n="${1:?usage: stress-kernel-starts.sh N [KERNEL_NAME] [LOAD_PROCS]}"
kernel="${2:-kinesis-workbook}"
load="${3:-$(nproc)}"
stamp="$(date +%Y%m%d-%H%M%S)"
logdir="${STRESS_LOG_DIR:-$here/../target/stress-logs}/$kernel-$stamp"
mkdir -p "$logdir"

load_pids=()
cleanup() { for p in "${load_pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
for ((j = 0; j < load; j++)); do yes > /dev/null & load_pids+=("$!"); done
echo "load: ${#load_pids[@]} x 'yes' (pids ${load_pids[*]}); logs: $logdir"

# Every rescue is printed, so that they can be counted; a healthy start prints nothing else.
WORKBOOK_KERNEL_TRACE=1 /usr/bin/python3 "$here/stress-kernel-starts.py" "$n" "$kernel" --logdir "$logdir" \
  --csv "$logdir/results.csv" 2>&1 | tee "$logdir/summary.txt"
exit "${PIPESTATUS[0]}"
