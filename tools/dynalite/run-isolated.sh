#!/usr/bin/env bash
# Run COMMAND with a private dynalite (npm dynalite, pinned in package.json; an
# in-memory DynamoDB on Node.js) listening inside a fresh, loopback-only network
# namespace.
#
#   usage: tools/dynalite/run-isolated.sh COMMAND [ARGS...]
#
# dynalite is told to bind 127.0.0.1, and is still only ever started inside
# `unshare -n`, where the sole interface is `lo`, so that nothing it or its
# dependencies open can be reached from outside. COMMAND runs in the same
# namespace: it reaches dynalite on 127.0.0.1 and NOTHING else (no package
# registries, no DNS) -- fetch dependencies before calling this script.
#
# dynalite keeps its tables in memory (no --path) and, unless told otherwise,
# creates, deletes and updates tables at once (CREATING/DELETING/UPDATING last
# 0 ms instead of its default 500 ms).
#
# Exported to COMMAND:
#   DYNALITE_ENDPOINT          http://127.0.0.1:<port>   (plain HTTP/1.1)
#   DYNALITE_LOG_FILE          dynalite's log (stdout+stderr)
#   DYNALITE_STARTUP_MS        launch-to-first-200 time of dynalite
#   DYNALITE_PID               dynalite's process id (for memory readings)
#
# Knobs (environment, all optional):
#   DYNALITE_PORT              HTTP port                     (default 8000)
#   DYNALITE_TABLE_MS          how long tables stay CREATING, DELETING and UPDATING,
#                              in ms (dynalite's own default is 500)  (default 0)
#   DYNALITE_MAX_ITEM_SIZE_KB  maximum item size             (default 400, AWS's limit)
#   DYNALITE_DEBUG             1: log every request and its body  (default 0)
#   DYNALITE_LOG               log file, appended to, kept   (default: a mktemp file under
#                              ${TMPDIR:-/tmp}, deleted when everything exited 0)
#   DYNALITE_START_TIMEOUT     seconds to wait for dynalite  (default 60)
#
# Exit status: COMMAND's, or 125 when the harness itself fails (no unshare/ip,
# npm ci failed, dynalite did not come up).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
HARNESS_FAIL=125
MARKER=DYNALITE_NETNS_OUTER   # holds the *outer* netns id; set only for the re-exec

log() { printf '[run-isolated] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit "$HARNESS_FAIL"; }

if [[ $# -eq 0 ]]; then
  sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi

netns_id() { readlink /proc/self/ns/net 2>/dev/null || echo unknown; }

find_ip() {
  local c
  for c in "$(command -v ip 2>/dev/null || true)" /usr/sbin/ip /sbin/ip /usr/bin/ip /bin/ip; do
    [[ -n "$c" && -x "$c" ]] && { echo "$c"; return 0; }
  done
  return 1
}

# ---------------------------------------------------------------- outer half
if [[ -z "${!MARKER:-}" ]]; then
  command -v node >/dev/null 2>&1 || die "node is not on PATH (Node.js is needed to run dynalite)"
  command -v unshare >/dev/null 2>&1 || die "unshare not found (Debian package util-linux)"
  find_ip >/dev/null || die "'ip' not found: install iproute2 (apt-get install -y iproute2)"

  # npm ci must happen here: the namespace below has no route to the registry.
  want="$(sed -n 's/.*"dynalite": *"\([^"]*\)".*/\1/p' "$HERE/package.json" | head -n1)"
  have="$(node -p 'require(process.argv[1]).version' "$HERE/node_modules/dynalite/package.json" 2>/dev/null || true)"
  if [[ ! -f "$HERE/node_modules/dynalite/cli.js" || "$have" != "$want" ]]; then
    command -v npm >/dev/null 2>&1 || die "npm is not on PATH and $HERE/node_modules is missing"
    command -v flock >/dev/null 2>&1 || die "flock not found (Debian package util-linux)"
    log "installing dynalite@$want with npm ci (had: ${have:-none})"
    (
      flock 9
      have="$(node -p 'require(process.argv[1]).version' "$HERE/node_modules/dynalite/package.json" 2>/dev/null || true)"
      if [[ ! -f "$HERE/node_modules/dynalite/cli.js" || "$have" != "$want" ]]; then
        # --ignore-scripts: classic-level (LevelDB on disk, unused here) ships prebuilt binaries.
        cd "$HERE" && npm ci --no-audit --no-fund --ignore-scripts >&2
      fi
    ) 9>"${TMPDIR:-/tmp}/dynalite-npm-ci.lock" || die "npm ci failed in $HERE"
  fi

  unshare_args=(-n)
  # Not root: a user namespace gives us CAP_NET_ADMIN over the new netns.
  [[ "$(id -u)" -eq 0 ]] || unshare_args=(-r -n)
  export "$MARKER=$(netns_id)"
  exec unshare "${unshare_args[@]}" -- bash "$SELF" "$@"
fi

# ---------------------------------------------------------------- inner half
outer_ns="${!MARKER}"
unset "$MARKER"                    # a nested call from COMMAND isolates itself again
[[ "$(netns_id)" != "$outer_ns" ]] || die "$MARKER is set but this is not a new network namespace; refusing to start a server here"

IP="$(find_ip)" || die "'ip' not found: install iproute2 (apt-get install -y iproute2)"
"$IP" link set lo up || die "could not bring up lo in the new namespace"
# (Fresh namespaces may also hold down, address-less tunnel devices such as sit0; harmless.)
non_lo="$("$IP" -o addr show | awk '$2 != "lo" {print $2, $4}')"
[[ -z "$non_lo" ]] || die "namespace is not loopback-only (addresses: $non_lo)"

PORT="${DYNALITE_PORT:-8000}"
TABLE_MS="${DYNALITE_TABLE_MS:-0}"
MAX_ITEM_KB="${DYNALITE_MAX_ITEM_SIZE_KB:-400}"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "DYNALITE_PORT must be a number (got '$PORT')"
[[ "$TABLE_MS" =~ ^[0-9]+$ ]] || die "DYNALITE_TABLE_MS must be a number of milliseconds (got '$TABLE_MS')"
[[ "$MAX_ITEM_KB" =~ ^[0-9]+$ ]] || die "DYNALITE_MAX_ITEM_SIZE_KB must be a number (got '$MAX_ITEM_KB')"
TIMEOUT="${DYNALITE_START_TIMEOUT:-60}"
DYNALITE_DIR="$HERE/node_modules/dynalite"
if [[ -n "${DYNALITE_LOG:-}" ]]; then
  LOGFILE="$DYNALITE_LOG"; LOG_IS_TEMP=0
else
  LOGFILE="$(mktemp "${TMPDIR:-/tmp}/dynalite.XXXXXX.log")"; LOG_IS_TEMP=1
fi
mkdir -p "$(dirname "$LOGFILE")"
# Append, never truncate: a nested run may have inherited the same DYNALITE_LOG.
printf '=== run-isolated.sh pid %s, %s ===\n' "$$" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$LOGFILE"

DYNALITE_PID_=""
show_log_tail() {
  log "---- last ${1:-40} lines of $LOGFILE ----"
  tail -n "${1:-40}" "$LOGFILE" >&2 || true
  log "---- end of dynalite log ----"
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$DYNALITE_PID_" ]]; then
    if kill -0 "$DYNALITE_PID_" 2>/dev/null; then
      kill -TERM "$DYNALITE_PID_" 2>/dev/null || true
      # Give it 5 s to close its connections, then KILL.
      for _ in $(seq 50); do kill -0 "$DYNALITE_PID_" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$DYNALITE_PID_" 2>/dev/null || true
    fi
    wait "$DYNALITE_PID_" 2>/dev/null || true
  fi
  # A temporary log is kept only when something failed.
  if (( LOG_IS_TEMP == 1 && rc == 0 )); then rm -f "$LOGFILE"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# dynalite's own flags. No --path: the store is in memory and dies with the process.
dynalite_args=(
  --host 127.0.0.1
  --port "$PORT"
  --createTableMs "$TABLE_MS"
  --deleteTableMs "$TABLE_MS"
  --updateTableMs "$TABLE_MS"
  --maxItemSizeKb "$MAX_ITEM_KB"
)
[[ "${DYNALITE_DEBUG:-0}" == 1 ]] && dynalite_args+=(--debug)

ENDPOINT="http://127.0.0.1:$PORT"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# dynalite rejects unsigned requests (MissingAuthenticationTokenException). It
# only checks that Authorization has Credential/SignedHeaders/Signature and that
# X-Amz-Date or Date is present; the signature is never verified.
probe() {
  local target="DynamoDB_20120810.ListTables"
  local auth="AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0"
  if command -v curl >/dev/null 2>&1; then
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST \
      -H "X-Amz-Target: $target" -H 'Content-Type: application/x-amz-json-1.0' \
      -H 'X-Amz-Date: 20240101T000000Z' -H "Authorization: $auth" \
      -d '{}' "$ENDPOINT/" 2>/dev/null)" == 200 ]]
  else
    node -e '
      const [port, target, auth] = process.argv.slice(1);
      const r = require("http").request({host: "127.0.0.1", port, method: "POST", path: "/", timeout: 2000,
        headers: {"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.0",
                  "X-Amz-Date": "20240101T000000Z", "Authorization": auth}},
        res => process.exit(res.statusCode === 200 ? 0 : 1));
      r.on("error", () => process.exit(1)); r.on("timeout", () => process.exit(1)); r.end("{}");
    ' "$PORT" "$target" "$auth"
  fi
}

log "starting dynalite $(node -p 'require(process.argv[1]).version' "$DYNALITE_DIR/package.json") on node $(node --version): $ENDPOINT, in memory, table transitions ${TABLE_MS} ms, log $LOGFILE"
t0="$(now_ms)"
(cd "$HERE" && exec node "$DYNALITE_DIR/cli.js" "${dynalite_args[@]}") </dev/null >>"$LOGFILE" 2>&1 &
DYNALITE_PID_=$!

deadline=$(( t0 + TIMEOUT * 1000 ))
until probe; do
  if ! kill -0 "$DYNALITE_PID_" 2>/dev/null; then
    wait "$DYNALITE_PID_" && st=0 || st=$?
    DYNALITE_PID_=""
    show_log_tail
    die "dynalite exited (status $st) before answering on $ENDPOINT"
  fi
  if (( $(now_ms) >= deadline )); then
    show_log_tail
    die "dynalite did not answer ListTables with 200 on $ENDPOINT within ${TIMEOUT}s"
  fi
  sleep 0.05
done
startup_ms=$(( $(now_ms) - t0 ))
log "dynalite ready after ${startup_ms} ms (pid $DYNALITE_PID_)"

export DYNALITE_ENDPOINT="$ENDPOINT"
export DYNALITE_LOG_FILE="$LOGFILE"
export DYNALITE_STARTUP_MS="$startup_ms"
export DYNALITE_PID="$DYNALITE_PID_"

# COMMAND runs as a child we wait for, so that a TERM/INT sent to this script
# is handled at once (forwarded as TERM) instead of after COMMAND finishes.
# Its stdin is passed explicitly: a plain `&` would give it /dev/null.
trap 'FWD=1; [[ -n "${CMD_PID:-}" ]] && kill -TERM "$CMD_PID" 2>/dev/null || true' INT TERM
FWD=0
exec 3<&0
"$@" <&3 3<&- &
CMD_PID=$!
exec 3<&-
while :; do
  rc=0; wait "$CMD_PID" || rc=$?
  kill -0 "$CMD_PID" 2>/dev/null || break   # else wait was interrupted by a trapped signal
done
CMD_PID=""
trap 'exit 130' INT
trap 'exit 143' TERM
(( FWD == 0 )) || log "signal received; COMMAND was sent TERM"

if ! kill -0 "$DYNALITE_PID_" 2>/dev/null; then
  log "WARNING: dynalite died while COMMAND was running"
  show_log_tail
  (( rc != 0 )) || rc=$HARNESS_FAIL
elif (( rc != 0 )); then
  log "COMMAND exited with status $rc"
  show_log_tail 20
fi
exit "$rc"
