// The prebuilt JupyterLab extension (tools/slides/labextension, built into LABEXTENSION_DIR), as
// JupyterLab 4 and Notebook 7 load it, in headless Chromium: its package.json names the module
// federation entry JupyterLab loads; the entry gives the plugin; activated with a stand-in of
// JupyterLab's application object, it registers the command that the schema's notebook toolbar
// button runs, and that command saves a changed notebook and opens its live slideshow URL. No real
// JupyterLab here: none can be installed on this machine (see tools/slides/README.md).
//
//   node labextension-check.mjs LABEXTENSION_DIR WORK_DIR
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser } from "./browser.mjs";

const [labextension, work] = process.argv.slice(2).map(path => resolve(path));
mkdirSync(work, { recursive: true });
const metadata = JSON.parse(readFileSync(join(labextension, "package.json"), "utf8"));
const name = metadata.name;
const schema = JSON.parse(readFileSync(join(labextension, "schemas", name, "plugin.json"), "utf8"));
const button = schema["jupyter.lab.toolbars"].Notebook.find(item => item.name === "workbook-slideshow");
const page = join(work, "host.html");
writeFileSync(page, `<!DOCTYPE html><html><head>
<script id="jupyter-config-data" type="application/json">{"baseUrl": "/base/"}</script>
<script src="${pathToFileURL(join(labextension, metadata.jupyterlab._build.load)).href}"></script>
</head><body></body></html>`);

const browser = await launchBrowser();
let failure = null;
try {
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href);
  const facts = await tab.evaluate(async ({ name, exposed }) => {
    // What JupyterLab does with a federated extension: init the container, get the module.
    const container = window._JUPYTERLAB[name];
    await container.init({});
    const module = (await container.get(exposed))();
    const plugin = module.__esModule ? module.default : module;
    const commands = new Map();
    let saved = false;
    const opened = [];
    window.open = () => { const tab = { location: {} }; opened.push(tab); return tab; };
    const notebook = { context: { path: "talks/01 why streaming.ipynb", model: { dirty: true },
      save: () => { saved = true; return Promise.resolve(); } } };
    plugin.activate({ commands: { addCommand: (id, options) => commands.set(id, options) }, shell: { currentWidget: notebook } });
    const [id, command] = [...commands.entries()][0];
    await command.execute();
    return { id: plugin.id, autoStart: plugin.autoStart, command: id, label: command.label, saved, url: opened[0]?.location.href };
  }, { name, exposed: metadata.jupyterlab._build.extension });
  console.log(JSON.stringify(facts));
  const expectedUrl = "/base/workbook-slides/live?path=talks%2F01%20why%20streaming.ipynb";
  if (!button || button.command !== facts.command) failure = `the toolbar button runs ${button?.command}, the plugin registers ${facts.command}`;
  else if (!facts.autoStart || facts.label !== "Slideshow") failure = `plugin not auto-started or mislabelled: ${JSON.stringify(facts)}`;
  else if (!facts.saved) failure = "the changed notebook was not saved before the slideshow opened";
  else if (facts.url !== expectedUrl) failure = `opened ${facts.url}, expected ${expectedUrl}`;
} catch (error) {
  failure = String(error);
} finally {
  await browser.close();
}
if (failure) {
  console.error("labextension check failed: " + failure);
  process.exit(1);
}
console.log("labextension check passed: " + labextension);
