// Classic Notebook 6: a "Slideshow" button on the toolbar that shows the open notebook as the
// live slideshow (workbook_slides.py serves it) over the whole page, starting on the slide of the
// selected cell; its Leave button comes back to the notebook at the slide the talk ended on.
// The notebook is saved first: the slideshow reads the saved file, and runs its cells on this
// notebook's own kernel, so what the slides define the notebook sees, and the other way round.
//
// Installed by install-in-jupyter.mjs as nbextensions/workbook-slides/main.js and enabled in the
// workbook's own nbconfig/notebook.json.
define(["base/js/namespace", "base/js/utils"], function (Jupyter, utils) {
  "use strict";

  const OVERLAY_ID = "workbook-slideshow";

  function slideshowUrl() {
    const notebook = Jupyter.notebook;
    return utils.get_body_data("baseUrl") + "workbook-slides/live?path="
      + encodeURIComponent(notebook.notebook_path) + "&cell=" + notebook.get_selected_index();
  }

  function enter() {
    if (document.getElementById(OVERLAY_ID)) return;
    // A notebook that cannot be saved (read-only, say) still shows, as it was last saved.
    Promise.resolve(Jupyter.notebook.save_notebook()).catch(() => null).then(() => {
      const frame = document.createElement("iframe");
      frame.id = OVERLAY_ID;
      frame.src = slideshowUrl();
      frame.title = "Live slideshow";
      frame.style.cssText = "position:fixed;inset:0;width:100vw;height:100vh;border:0;z-index:10000;background:#fff";
      document.body.appendChild(frame);
      Jupyter.keyboard_manager.disable();
      frame.addEventListener("load", () => frame.focus());
    });
  }

  function leave(cellIndex) {
    const frame = document.getElementById(OVERLAY_ID);
    if (!frame) return;
    frame.remove();
    Jupyter.keyboard_manager.enable();
    if (Number.isInteger(cellIndex)) {
      Jupyter.notebook.select(cellIndex);
      Jupyter.notebook.scroll_to_cell(cellIndex);
    }
  }

  function toggle() {
    if (document.getElementById(OVERLAY_ID)) leave(null);
    else enter();
  }

  function load_ipython_extension() {
    const action = Jupyter.actions.register({
      help: "show this notebook as a live slideshow (its cells run on this kernel)",
      icon: "fa-television",
      handler: toggle,
    }, "toggle-live-slideshow", "workbook-slides");
    Jupyter.toolbar.add_buttons_group([{ action, label: "Slideshow", id: "workbook-slideshow-button" }], "workbook-slides");
    window.addEventListener("message", event => {
      if (event.origin === window.location.origin && event.data && event.data.type === "workbook-slides:leave") {
        leave(event.data.cell);
      }
    });
  }

  return { load_ipython_extension };
});
