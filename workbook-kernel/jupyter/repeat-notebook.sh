#!/usr/bin/env bash
# Executes one notebook N times in a row, as ./workbook run does, and counts the runs that passed.
#
#   repeat-notebook.sh N NOTEBOOK [OUTPUT_DIR]
#
# A notebook that checks its own results and passes once may still fail now and then (a check that
# depends on how fast the machine is). Each run's output goes to OUTPUT_DIR/run-I.log (default
# target/repeat-notebook); the last line says "passed P of N", and the exit status is 0 only if
# every run passed. Build and install the kernelspec first (./workbook kernel), and set JUPYTER_PATH
# to where it is (./workbook uses target/jupyter).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs="${1:?usage: repeat-notebook.sh N NOTEBOOK [OUTPUT_DIR]}"
notebook="${2:?usage: repeat-notebook.sh N NOTEBOOK [OUTPUT_DIR]}"
out="${3:-$here/../target/repeat-notebook}"
python="${JUPYTER_PYTHON:-/usr/bin/python3}"
mkdir -p "$out"
passed=0
for ((i = 1; i <= runs; i++)); do
  started=$SECONDS
  if "$python" "$here/run-notebooks.py" --output-dir "$out/run-$i" "$notebook" >"$out/run-$i.log" 2>&1; then
    passed=$((passed + 1))
    echo "run $i: passed ($((SECONDS - started)) s)"
  else
    echo "run $i: FAILED ($((SECONDS - started)) s); see $out/run-$i.log"
  fi
done
echo "passed $passed of $runs: $notebook"
[ "$passed" -eq "$runs" ]
