// Installs the live slideshow into a Jupyter data dir and a config dir of the workbook's own
// (./workbook start uses target/jupyter and target/jupyter-config; Jupyter finds them through
// JUPYTER_PATH and JUPYTER_CONFIG_PATH, and the server extension's module through PYTHONPATH).
//
//   node install-in-jupyter.mjs DATA_DIR CONFIG_DIR [LABEXTENSION_DIR]
//
//   DATA_DIR/workbook-slides/python/workbook_slides.py   the server extension (PYTHONPATH)
//   DATA_DIR/workbook-slides/live.html, static/          the page and what it loads
//   DATA_DIR/nbextensions/workbook-slides/main.js        the classic notebook's toolbar button
//   DATA_DIR/labextensions/kinesis-workbook-slides/      JupyterLab's and Notebook 7's button, if
//                                                        LABEXTENSION_DIR (labextension/build.mjs) is given
//   CONFIG_DIR/...                                       enabled, for Notebook 6 and jupyter_server
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { assetTags, copyAssets } from "./assets.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const [dataDir, configDir, labextension] = process.argv.slice(2);
if (!dataDir || !configDir) {
  console.error("usage: node install-in-jupyter.mjs DATA_DIR CONFIG_DIR");
  process.exit(2);
}

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function copy(source, target) {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(HERE, source), target);
}

const home = join(dataDir, "workbook-slides");
copyAssets(join(home, "static"));
copy("live/live-deck.js", join(home, "static/live/live-deck.js"));
copy("live/live.css", join(home, "static/live/live.css"));
copy("jupyter/workbook_slides.py", join(home, "python/workbook_slides.py"));
copy("jupyter/nbextension.js", join(dataDir, "nbextensions/workbook-slides/main.js"));
// Served at workbook-slides/ and workbook-slides/live: static/ is relative to both.
write(join(home, "live.html"), `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Live slideshow</title>
${assetTags("static/")}
<link rel="stylesheet" href="static/live/live.css">
</head>
<body>
<div class="reveal"><div class="slides"></div></div>
<script src="static/live/live-deck.js"></script>
</body>
</html>
`);

if (labextension) {
  const installed = join(dataDir, "labextensions/kinesis-workbook-slides");
  rmSync(installed, { recursive: true, force: true });
  cpSync(labextension, installed, { recursive: true });
}

const json = value => JSON.stringify(value, null, 1) + "\n";
write(join(configDir, "nbconfig/notebook.json"), json({ load_extensions: { "workbook-slides/main": true } }));
write(join(configDir, "jupyter_notebook_config.d/workbook_slides.json"),
  json({ NotebookApp: { nbserver_extensions: { workbook_slides: true } } }));
write(join(configDir, "jupyter_server_config.d/workbook_slides.json"),
  json({ ServerApp: { jpserver_extensions: { workbook_slides: true } } }));
console.error(`installed the live slideshow in ${home} (enabled in ${configDir})`);
