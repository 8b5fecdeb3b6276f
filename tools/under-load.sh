#!/usr/bin/env bash
# Runs COMMAND while N other CPU-bound processes keep the cores busy, as on a learner's laptop that
# is compiling, indexing or in a video call at the same time.
#
#   tools/under-load.sh N COMMAND [ARGS...]
#
# The load is N busy loops ('yes > /dev/null'), started before COMMAND and stopped when it ends
# (or when this script is stopped). Exit status: COMMAND's.
set -euo pipefail
load="${1:?usage: tools/under-load.sh N COMMAND [ARGS...]}"
shift
[[ "$load" =~ ^[0-9]+$ ]] || { echo "under-load: N must be a number, not '$load'" >&2; exit 2; }
[ $# -gt 0 ] || { echo "usage: tools/under-load.sh N COMMAND [ARGS...]" >&2; exit 2; }

busy=()
stop_load() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_load EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
for ((i = 0; i < load; i++)); do
  yes >/dev/null &
  busy+=("$!")
done
echo "under-load: $load busy loops (pids ${busy[*]}) while: $*" >&2
status=0
"$@" || status=$?
exit "$status"
