// JupyterLab and Notebook 7: the command behind the notebook toolbar's Slideshow button (the
// button itself is declared in schema/plugin.json, under jupyter.lab.toolbars). It opens the live
// slideshow of the notebook in front, served by the workbook_slides server extension, in a new tab;
// the slideshow's Leave button closes that tab again.
//
// It uses only the application object JupyterLab hands every plugin, and imports no JupyterLab
// package, so it builds from npm alone and does not depend on one JupyterLab version's modules.
const COMMAND = "workbook-slides:open";

function baseUrl() {
  const config = document.getElementById("jupyter-config-data");
  return (config && JSON.parse(config.textContent).baseUrl) || "/";
}

function slideshowUrl(path) {
  return baseUrl() + "workbook-slides/" + (path ? "live?path=" + encodeURIComponent(path) : "");
}

module.exports = {
  id: "kinesis-workbook-slides:plugin",
  description: "A Slideshow button on the notebook toolbar: the notebook as a live slideshow.",
  autoStart: true,
  activate(app) {
    app.commands.addCommand(COMMAND, {
      label: "Slideshow",
      caption: "Show this notebook as a live slideshow (its cells run on this notebook's kernel)",
      execute() {
        const widget = app.shell.currentWidget;
        const path = widget && widget.context ? widget.context.path : null;
        const save = widget && widget.context && widget.context.model && widget.context.model.dirty
          ? widget.context.save() : Promise.resolve();
        // The slideshow reads the saved notebook. The tab opens first: a browser lets a click open
        // a window, not a promise's callback.
        const tab = window.open("about:blank", "_blank");
        return save.then(() => {
          if (tab) tab.location.href = slideshowUrl(path);
          else window.open(slideshowUrl(path), "_blank");
        });
      },
    });
  },
};
