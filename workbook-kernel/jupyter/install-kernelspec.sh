#!/usr/bin/env bash
# Installs the "Kinesis Workbook (Java)" kernelspec: the rapaio Java kernel, started through the
# workbook's KernelMain, with the workbook library on its class path and init.jshell's imports.
#
#   install-kernelspec.sh DATA_DIR
#
# The spec goes to DATA_DIR/kernels/kinesis-workbook/kernel.json; Jupyter finds it when DATA_DIR is
# its user data dir (~/.local/share/jupyter) or is named in JUPYTER_PATH. Run it after building
# workbook-kernel (./mvnw -pl workbook-kernel -am package), which leaves target/kernel/ behind.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="$(dirname "$here")"
data_dir="${1:?usage: install-kernelspec.sh DATA_DIR}"

kernel_jar="$module/target/kernel/rapaio-jupyter-kernel.jar"
main_jar="$(ls "$module"/target/workbook-kernel-*.jar 2>/dev/null | head -n 1 || true)"
classpath_file="$module/target/kernel/classpath.txt"
for needed in "$kernel_jar" "$main_jar" "$classpath_file"; do
  [ -n "$needed" ] && [ -f "$needed" ] || { echo "install-kernelspec: missing $needed: build workbook-kernel first" >&2; exit 2; }
done
java_bin="$(command -v java)"
spec_dir="$data_dir/kernels/kinesis-workbook"
mkdir -p "$spec_dir"

# RJK_CLASSPATH separates entries with ';' on every OS; RJK_INIT_SCRIPT names a file.
JAVA_BIN="$java_bin" CP="$main_jar:$kernel_jar" RJK_CP="$(tr ':' ';' < "$classpath_file")" \
INIT="$here/init.jshell" SPEC="$spec_dir/kernel.json" /usr/bin/env python3 - <<'PY'
import json, os
spec = {
    "argv": [os.environ["JAVA_BIN"], "-Djava.awt.headless=true", "-cp", os.environ["CP"],
             "io.kinesisworkbook.kernel.KernelMain", "{connection_file}"],
    "display_name": "Kinesis Workbook (Java)",
    "language": "java",
    # The JVM does not survive SIGINT: interrupts go as messages, which the kernel handles.
    "interrupt_mode": "message",
    "env": {"RJK_CLASSPATH": os.environ["RJK_CP"], "RJK_INIT_SCRIPT": os.environ["INIT"], "RJK_TIMEOUT_MILLIS": "-1"},
}
# Written beside and renamed into place: a Jupyter (or a test) reading the kernelspec while it is
# installed again sees the old file or the new one, never half of one.
partial = os.environ["SPEC"] + ".partial-" + str(os.getpid())
with open(partial, "w") as f:
    json.dump(spec, f, indent=1)
os.replace(partial, os.environ["SPEC"])
PY
echo "installed kernelspec kinesis-workbook in $spec_dir" >&2
