// Builds the prebuilt JupyterLab extension (for JupyterLab 4 and Notebook 7) into
// target/slides-labextension, from npm alone: @jupyterlab/builder compiles it against the core
// metadata of @jupyterlab/core-meta (what JupyterLab's Python package would otherwise supply).
// install-in-jupyter.mjs copies the result to DATA_DIR/labextensions/kinesis-workbook-slides.
//
//   node build.mjs        (after npm ci in this folder)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const TARGET = resolve(HERE, "../../../target");
const core = join(TARGET, "slides-labextension-core");
mkdirSync(core, { recursive: true });
copyFileSync(join(HERE, "node_modules/@jupyterlab/core-meta/core.package.json"), join(core, "package.json"));
execFileSync(process.execPath, [join(HERE, "node_modules/@jupyterlab/builder/lib/build-labextension.js"), "--core-path", core, HERE],
  { stdio: ["ignore", "ignore", "inherit"] });
console.error(`built the JupyterLab extension in ${join(TARGET, "slides-labextension")}`);
