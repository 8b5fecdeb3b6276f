#!/usr/bin/env bash
# Run COMMAND with a private kinesis-mock (npm kinesis-local, pinned in
# package.json) listening inside a fresh, loopback-only network namespace.
#
#   usage: tools/kinesis-mock/run-isolated.sh COMMAND [ARGS...]
#
# kinesis-mock binds 0.0.0.0 with no option to change that, so it is only ever
# started inside `unshare -n`, where the sole interface is `lo`. COMMAND runs in
# the same namespace: it reaches the mock on 127.0.0.1 and NOTHING else (no
# package registries, no DNS) -- fetch dependencies before calling this script.
#
# Exported to COMMAND:
#   KINESIS_MOCK_ENDPOINT      http://127.0.0.1:<plain port>   (plain HTTP/1.1, also h2c prior-knowledge)
#   KINESIS_MOCK_TLS_ENDPOINT  https://127.0.0.1:<tls port>    (self-signed cert)
#   KINESIS_MOCK_REGION, KINESIS_MOCK_ACCOUNT_ID
#   KINESIS_MOCK_LOG_FILE      the mock's log (stdout+stderr)
#   KINESIS_MOCK_STARTUP_MS    launch-to-first-200 time of the mock
#   KINESIS_MOCK_PID           the mock's process id (for memory readings)
#
# Knobs (environment, all optional):
#   KINESIS_MOCK_PORT          plain HTTP port              (default 4567)
#   KINESIS_MOCK_TLS_PORT      TLS port, must differ        (default plain port + 1)
#   KINESIS_MOCK_DURATION      every CREATING/UPDATING/DELETING transition delay,
#                              e.g. 0ms, 5ms, 500ms (kinesis-mock's own default) (default 0ms)
#   KINESIS_MOCK_SHARD_LIMIT   SHARD_LIMIT                  (default 500, AWS's default quota)
#   KINESIS_MOCK_ON_DEMAND_STREAM_COUNT_LIMIT               (default 50, AWS's default quota)
#   KINESIS_MOCK_REGION        AWS_REGION of the mock       (default us-east-1)
#   KINESIS_MOCK_ACCOUNT_ID    AWS_ACCOUNT_ID of the mock   (default 000000000000)
#   KINESIS_MOCK_LOG_LEVEL     ERROR|WARN|INFO|DEBUG|TRACE  (default INFO; INFO logs only start-up)
#   KINESIS_MOCK_LOG           log file, appended to, kept  (default: a mktemp file under
#                              ${TMPDIR:-/tmp}, deleted when everything exited 0)
#   KINESIS_MOCK_START_TIMEOUT seconds to wait for the mock (default 60)
#
# Exit status: COMMAND's, or 125 when the harness itself fails (no unshare/ip,
# npm ci failed, mock did not come up).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
HARNESS_FAIL=125
MARKER=KINESIS_MOCK_NETNS_OUTER   # holds the *outer* netns id; set only for the re-exec

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
  command -v node >/dev/null 2>&1 || die "node is not on PATH (Node.js is needed to run kinesis-local)"
  command -v unshare >/dev/null 2>&1 || die "unshare not found (Debian package util-linux)"
  find_ip >/dev/null || die "'ip' not found: install iproute2 (apt-get install -y iproute2)"

  # npm ci must happen here: the namespace below has no route to the registry.
  want="$(sed -n 's/.*"kinesis-local": *"\([^"]*\)".*/\1/p' "$HERE/package.json" | head -n1)"
  have="$(node -p 'require(process.argv[1]).version' "$HERE/node_modules/kinesis-local/package.json" 2>/dev/null || true)"
  if [[ ! -f "$HERE/node_modules/kinesis-local/main.js" || "$have" != "$want" ]]; then
    command -v npm >/dev/null 2>&1 || die "npm is not on PATH and $HERE/node_modules is missing"
    command -v flock >/dev/null 2>&1 || die "flock not found (Debian package util-linux)"
    log "installing kinesis-local@$want with npm ci (had: ${have:-none})"
    (
      flock 9
      have="$(node -p 'require(process.argv[1]).version' "$HERE/node_modules/kinesis-local/package.json" 2>/dev/null || true)"
      if [[ ! -f "$HERE/node_modules/kinesis-local/main.js" || "$have" != "$want" ]]; then
        cd "$HERE" && npm ci --no-audit --no-fund --ignore-scripts >&2
      fi
    ) 9>"${TMPDIR:-/tmp}/kinesis-mock-npm-ci.lock" || die "npm ci failed in $HERE"
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
[[ "$(netns_id)" != "$outer_ns" ]] || die "$MARKER is set but this is not a new network namespace; refusing to start a server bound to 0.0.0.0 here"

IP="$(find_ip)" || die "'ip' not found: install iproute2 (apt-get install -y iproute2)"
"$IP" link set lo up || die "could not bring up lo in the new namespace"
# (Fresh namespaces may also hold down, address-less tunnel devices such as sit0; harmless.)
non_lo="$("$IP" -o addr show | awk '$2 != "lo" {print $2, $4}')"
[[ -z "$non_lo" ]] || die "namespace is not loopback-only (addresses: $non_lo)"

PORT="${KINESIS_MOCK_PORT:-4567}"
TLS_PORT="${KINESIS_MOCK_TLS_PORT:-$((PORT + 1))}"
[[ "$PORT" =~ ^[0-9]+$ && "$TLS_PORT" =~ ^[0-9]+$ ]] || die "ports must be numbers (got '$PORT', '$TLS_PORT')"
[[ "$PORT" != "$TLS_PORT" ]] || die "KINESIS_MOCK_PORT and KINESIS_MOCK_TLS_PORT must differ"
DUR="${KINESIS_MOCK_DURATION:-0ms}"
REGION="${KINESIS_MOCK_REGION:-us-east-1}"
ACCOUNT="${KINESIS_MOCK_ACCOUNT_ID:-000000000000}"
TIMEOUT="${KINESIS_MOCK_START_TIMEOUT:-60}"
MOCK_DIR="$HERE/node_modules/kinesis-local"
if [[ -n "${KINESIS_MOCK_LOG:-}" ]]; then
  LOGFILE="$KINESIS_MOCK_LOG"; LOG_IS_TEMP=0
else
  LOGFILE="$(mktemp "${TMPDIR:-/tmp}/kinesis-mock.XXXXXX.log")"; LOG_IS_TEMP=1
fi
mkdir -p "$(dirname "$LOGFILE")"
# Append, never truncate: a nested run may have inherited the same KINESIS_MOCK_LOG.
printf '=== run-isolated.sh pid %s, %s ===\n' "$$" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$LOGFILE"

MOCK_PID=""
show_log_tail() {
  log "---- last ${1:-40} lines of $LOGFILE ----"
  tail -n "${1:-40}" "$LOGFILE" >&2 || true
  log "---- end of kinesis-mock log ----"
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$MOCK_PID" ]]; then
    if kill -0 "$MOCK_PID" 2>/dev/null; then
      kill -TERM "$MOCK_PID" 2>/dev/null || true
      # It can linger on open (e.g. half-upgraded) connections: give it 5 s, then KILL.
      for _ in $(seq 50); do kill -0 "$MOCK_PID" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$MOCK_PID" 2>/dev/null || true
    fi
    wait "$MOCK_PID" 2>/dev/null || true
  fi
  # A temporary log is kept only when something failed.
  if (( LOG_IS_TEMP == 1 && rc == 0 )); then rm -f "$LOGFILE"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Environment for the mock only (names are kinesis-mock's own); the caller's
# AWS_REGION etc. are deliberately not passed through.
mock_env=(
  KINESIS_MOCK_PLAIN_PORT="$PORT"
  KINESIS_MOCK_TLS_PORT="$TLS_PORT"
  KINESIS_MOCK_CERT_PATH="$MOCK_DIR/server.json"   # default is relative to the cwd
  CREATE_STREAM_DURATION="$DUR"
  DELETE_STREAM_DURATION="$DUR"
  REGISTER_STREAM_CONSUMER_DURATION="$DUR"
  DEREGISTER_STREAM_CONSUMER_DURATION="$DUR"
  START_STREAM_ENCRYPTION_DURATION="$DUR"
  STOP_STREAM_ENCRYPTION_DURATION="$DUR"
  MERGE_SHARDS_DURATION="$DUR"
  SPLIT_SHARD_DURATION="$DUR"
  UPDATE_SHARD_COUNT_DURATION="$DUR"
  UPDATE_STREAM_MODE_DURATION="$DUR"
  SHARD_LIMIT="${KINESIS_MOCK_SHARD_LIMIT:-500}"
  ON_DEMAND_STREAM_COUNT_LIMIT="${KINESIS_MOCK_ON_DEMAND_STREAM_COUNT_LIMIT:-50}"
  AWS_REGION="$REGION"
  AWS_ACCOUNT_ID="$ACCOUNT"
  LOG_LEVEL="${KINESIS_MOCK_LOG_LEVEL:-INFO}"
  SHOULD_PERSIST_DATA=false
  LOAD_DATA_IF_EXISTS=false
)

ENDPOINT="http://127.0.0.1:$PORT"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# kinesis-mock rejects unsigned requests (MissingAuthenticationTokenException).
# It only checks that Authorization has Credential/SignedHeaders/Signature and
# that X-Amz-Date or Date is present; the signature is never verified.
probe() {
  local target="Kinesis_20131202.ListStreams"
  local auth="AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/$REGION/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0"
  if command -v curl >/dev/null 2>&1; then
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST \
      -H "X-Amz-Target: $target" -H 'Content-Type: application/x-amz-json-1.1' \
      -H 'X-Amz-Date: 20240101T000000Z' -H "Authorization: $auth" \
      -d '{}' "$ENDPOINT/" 2>/dev/null)" == 200 ]]
  else
    node -e '
      const [port, target, auth] = process.argv.slice(1);
      const r = require("http").request({host: "127.0.0.1", port, method: "POST", path: "/", timeout: 2000,
        headers: {"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.1",
                  "X-Amz-Date": "20240101T000000Z", "Authorization": auth}},
        res => process.exit(res.statusCode === 200 ? 0 : 1));
      r.on("error", () => process.exit(1)); r.on("timeout", () => process.exit(1)); r.end("{}");
    ' "$PORT" "$target" "$auth"
  fi
}

log "starting kinesis-local $(node -p 'require(process.argv[1]).version' "$MOCK_DIR/package.json") on node $(node --version): plain $ENDPOINT, tls :$TLS_PORT, transitions $DUR, log $LOGFILE"
t0="$(now_ms)"
(cd "$MOCK_DIR" && exec env "${mock_env[@]}" node "$MOCK_DIR/main.js") </dev/null >>"$LOGFILE" 2>&1 &
MOCK_PID=$!

deadline=$(( t0 + TIMEOUT * 1000 ))
until probe; do
  if ! kill -0 "$MOCK_PID" 2>/dev/null; then
    wait "$MOCK_PID" && st=0 || st=$?
    MOCK_PID=""
    show_log_tail
    die "kinesis-mock exited (status $st) before answering on $ENDPOINT"
  fi
  if (( $(now_ms) >= deadline )); then
    show_log_tail
    die "kinesis-mock did not answer ListStreams with 200 on $ENDPOINT within ${TIMEOUT}s"
  fi
  sleep 0.05
done
startup_ms=$(( $(now_ms) - t0 ))
log "kinesis-mock ready after ${startup_ms} ms (pid $MOCK_PID)"

export KINESIS_MOCK_ENDPOINT="$ENDPOINT"
export KINESIS_MOCK_TLS_ENDPOINT="https://127.0.0.1:$TLS_PORT"
export KINESIS_MOCK_REGION="$REGION"
export KINESIS_MOCK_ACCOUNT_ID="$ACCOUNT"
export KINESIS_MOCK_LOG_FILE="$LOGFILE"
export KINESIS_MOCK_STARTUP_MS="$startup_ms"
export KINESIS_MOCK_PID="$MOCK_PID"

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

if ! kill -0 "$MOCK_PID" 2>/dev/null; then
  log "WARNING: kinesis-mock died while COMMAND was running"
  show_log_tail
  (( rc != 0 )) || rc=$HARNESS_FAIL
elif (( rc != 0 )); then
  log "COMMAND exited with status $rc"
  show_log_tail 20
fi
exit "$rc"
