#!/usr/bin/env bash
# Serves the notebooks in Jupyter, with one embedded AWS emulator shared by every kernel.
#
#   serve-notebooks.sh DATA_DIR NOTEBOOK_DIR [JUPYTER_ARGS...]
#
# 1. Starts the emulator (EmulatorMain, on workbook-kernel's class path) on a free loopback port.
# 2. Waits until its health endpoint answers (up to EMULATOR_START_SECONDS, default 60): a busy
#    laptop may take a while to start a JVM. If it exits or never answers, this script fails with
#    the emulator's log, rather than letting every kernel quietly start an emulator of its own.
# 3. Hands its URL to every kernel as WORKBOOK_EMULATOR (kernels inherit Jupyter's environment).
# 4. Runs Jupyter Notebook on 127.0.0.1 with the kernelspecs in DATA_DIR, until Jupyter ends or
#    this script is stopped (Ctrl-C, SIGTERM); then it stops Jupyter and the emulator.
#
# ./workbook start runs it after building the kernel; workbook-kernel's SharedEmulatorIT runs it as is.
# JUPYTER_PYTHON names the Python that has Jupyter (default /usr/bin/python3).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="$(dirname "$here")"
data_dir="${1:?usage: serve-notebooks.sh DATA_DIR NOTEBOOK_DIR [JUPYTER_ARGS...]}"
notebook_dir="${2:?usage: serve-notebooks.sh DATA_DIR NOTEBOOK_DIR [JUPYTER_ARGS...]}"
shift 2
python="${JUPYTER_PYTHON:-/usr/bin/python3}"
start_seconds="${EMULATOR_START_SECONDS:-60}"

classpath_file="$module/target/kernel/classpath.txt"
[ -f "$classpath_file" ] || { echo "serve-notebooks: missing $classpath_file: build workbook-kernel first" >&2; exit 2; }

# A log of this run only: the URL is read from it once the emulator has written it.
mkdir -p "$module/target"
rm -f "$module"/target/emulator.*.log
emulator_log="$(mktemp "$module/target/emulator.XXXXXX.log")"
# --exit-with-parent: should this script be killed outright (no trap runs), the emulator goes too.
java -cp "$(cat "$classpath_file")" io.kinesisworkbook.emulator.EmulatorMain --port 0 --exit-with-parent \
  >"$emulator_log" 2>&1 &
emulator_pid=$!
jupyter_pid=

# Jupyter first (it shuts its kernels down), then the emulator. 'set +e': a non-zero wait must not
# end this trap before the emulator is stopped.
stop_all() {
  set +e
  if [ -n "$jupyter_pid" ]; then
    kill "$jupyter_pid" 2>/dev/null
    wait "$jupyter_pid" 2>/dev/null
  fi
  kill "$emulator_pid" 2>/dev/null
  wait "$emulator_pid" 2>/dev/null
  return 0
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

answers() {
  "$python" - "$1/_workbook/health" <<'PY' 2>/dev/null
import sys, urllib.request
sys.exit(0 if urllib.request.urlopen(sys.argv[1], timeout=2).status == 200 else 1)
PY
}

fail() {
  echo "serve-notebooks: $1. The emulator's log ($emulator_log):" >&2
  sed 's/^/  /' "$emulator_log" >&2
  exit 1
}

url=
deadline=$((SECONDS + start_seconds))
while :; do
  kill -0 "$emulator_pid" 2>/dev/null || fail "the embedded AWS emulator exited before it answered"
  [ -n "$url" ] || url="$(grep -o -m 1 'http://127\.0\.0\.1:[0-9]*' "$emulator_log" || true)"
  if [ -n "$url" ] && answers "$url"; then
    break
  fi
  [ "$SECONDS" -lt "$deadline" ] || fail "the embedded AWS emulator did not answer within $start_seconds s"
  sleep 0.2
done
export WORKBOOK_EMULATOR="$url"
echo "Embedded AWS emulator for every notebook: $WORKBOOK_EMULATOR (log: $emulator_log)" >&2

root_flag=()
[ "$(id -u)" = 0 ] && root_flag=(--allow-root)
# In the background, so that a signal to this script stops Jupyter too (bash runs a trap only once
# the foreground command has ended, and 'wait' is where it can run one at once).
JUPYTER_PATH="$data_dir" "$python" -m notebook --ip=127.0.0.1 --no-browser --notebook-dir="$notebook_dir" \
  "${root_flag[@]}" "$@" &
jupyter_pid=$!
status=0
wait "$jupyter_pid" || status=$?
jupyter_pid=
exit "$status"
