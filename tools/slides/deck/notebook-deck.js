// Turns a Jupyter notebook (its JSON) into reveal.js slides, reading each cell's Slideshow
// metadata (metadata.slideshow.slide_type) as nbconvert's slides exporter and RISE do:
//
//   slide     starts a new slide (a new column, left to right)
//   subslide  starts a new slide under the current one (down the column)
//   fragment  appears on the next key press, with the "-" cells that follow it
//   -         belongs to whatever came before
//   skip      is left out
//   notes     becomes the slide's speaker notes (reveal's speaker view, key S)
//
// One renderer for both decks: the offline deck (./workbook slides) and the live slideshow in
// Jupyter (live-deck.js), so a slide looks the same in both and the overflow check measures what
// a presenter shows. A classic script, not a module: browsers refuse module scripts from file://,
// and the offline deck is opened from a file. It needs reveal.js, its highlight and notes plugins,
// and marked, loaded before it.
(function (global) {
  "use strict";

  // The slide size every notebook is written for (see HELPERS.md, "Notebook conventions").
  const SLIDE = { width: 1280, height: 720 };

  function slideTypeOf(cell) {
    return (cell.metadata && cell.metadata.slideshow && cell.metadata.slideshow.slide_type) || "-";
  }

  function text(value) {
    return Array.isArray(value) ? value.join("") : (value || "");
  }

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function html(tag, className, markup) {
    const node = element(tag, className);
    node.innerHTML = markup;
    return node;
  }

  /**
   * Groups the cells into columns of slides: [{slides: [{groups: [{fragment, cells}], notes: [cell]}]}],
   * each cell as {cell, index} (its index in the notebook, which the live deck runs it by).
   */
  function groupIntoSlides(cells) {
    const columns = [];
    let slide = null;
    let group = null;
    const startSlide = (newColumn) => {
      if (newColumn || columns.length === 0) columns.push({ slides: [] });
      slide = { groups: [], notes: [] };
      group = null;
      columns[columns.length - 1].slides.push(slide);
    };
    const startGroup = (fragment) => {
      group = { fragment, cells: [] };
      slide.groups.push(group);
    };
    cells.forEach((cell, index) => {
      const type = slideTypeOf(cell);
      if (type === "skip") return;
      if (type === "slide" || slide === null) startSlide(true);
      else if (type === "subslide") startSlide(false);
      if (type === "notes") {
        slide.notes.push({ cell, index });
        return;
      }
      // A fragment runs on through the "-" cells after it, as in nbconvert.
      if (type === "fragment") startGroup(true);
      else if (group === null) startGroup(false);
      group.cells.push({ cell, index });
    });
    return columns;
  }

  function markdown(source) {
    return html("div", "nb-markdown", global.marked.parse(source));
  }

  function stripAnsi(value) {
    return value.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
  }

  /** One output of a code cell as the page shows it; the richest form the output has first. */
  function outputElement(output) {
    switch (output.output_type) {
      case "stream":
        return element("pre", "nb-output nb-stream nb-" + output.name, text(output.text));
      case "error":
        return element("pre", "nb-output nb-error",
          stripAnsi(output.traceback && output.traceback.length ? output.traceback.join("\n") : output.ename + ": " + output.evalue));
      case "display_data":
      case "execute_result":
        return dataElement(output.data || {});
      default:
        return element("div", "nb-output");
    }
  }

  function dataElement(data) {
    if (data["image/png"]) {
      const image = element("img", "nb-output nb-image");
      image.src = "data:image/png;base64," + text(data["image/png"]).trim();
      return image;
    }
    if (data["image/svg+xml"]) return html("div", "nb-output nb-image", text(data["image/svg+xml"]));
    if (data["text/html"]) return html("div", "nb-output nb-html", text(data["text/html"]));
    if (data["text/markdown"]) return markdown(text(data["text/markdown"]));
    return element("pre", "nb-output nb-text", text(data["text/plain"]));
  }

  /** Appends an output; a stream continues the stream before it, as in Jupyter. */
  function appendOutput(container, output) {
    const last = container.lastElementChild;
    if (output.output_type === "stream" && last && last.classList.contains("nb-" + output.name)) {
      last.textContent += text(output.text);
    } else {
      container.appendChild(outputElement(output));
    }
  }

  function codeCell(cell, index, language) {
    const node = element("div", "nb-cell nb-code");
    const hidden = (cell.metadata && cell.metadata.jupyter) || {};
    const source = element("pre", "nb-source");
    const code = element("code", "language-" + language, text(cell.source));
    source.appendChild(code);
    if (hidden.source_hidden) source.hidden = true;
    const outputs = element("div", "nb-outputs");
    if (!hidden.outputs_hidden) (cell.outputs || []).forEach(output => appendOutput(outputs, output));
    node.append(source, outputs);
    return node;
  }

  function cellElement(cell, index, language) {
    // raw cells are for other converters, not for the screen
    const node = cell.cell_type === "markdown" ? markdown(text(cell.source))
      : cell.cell_type === "code" ? codeCell(cell, index, language) : null;
    if (node) node.dataset.cellIndex = index;
    return node;
  }

  function slideElement(slide, language) {
    const section = element("section", "nb-slide");
    slide.groups.forEach(group => {
      const holder = group.fragment ? element("div", "fragment") : section;
      group.cells.forEach(({ cell, index }) => {
        const node = cellElement(cell, index, language);
        if (node) holder.appendChild(node);
      });
      if (holder !== section) section.appendChild(holder);
    });
    if (slide.notes.length) {
      const notes = element("aside", "notes");
      slide.notes.forEach(({ cell }) => notes.appendChild(markdown(text(cell.source))));
      section.appendChild(notes);
    }
    return section;
  }

  function languageOf(notebook) {
    const metadata = notebook.metadata || {};
    return ((metadata.language_info && metadata.language_info.name) || (metadata.kernelspec && metadata.kernelspec.language)
      || "java").toLowerCase();
  }

  /** Renders the notebook's slides into reveal's .slides element. */
  function render(notebook, slides) {
    const language = languageOf(notebook);
    slides.replaceChildren(...groupIntoSlides(notebook.cells).map(column => {
      const stack = element("section", "nb-column");
      column.slides.forEach(slide => stack.appendChild(slideElement(slide, language)));
      return stack;
    }));
  }

  const highlighter = () => global.RevealHighlight().hljs;

  function highlight(code) {
    delete code.dataset.highlighted;
    highlighter().highlightElement(code);
  }

  /**
   * Renders the notebook into the page's .reveal element and starts reveal.js; resolves when
   * reveal is ready. The page is 1280x720 slide pixels, scaled to the window.
   */
  function present(notebook, revealOptions) {
    render(notebook, document.querySelector(".reveal .slides"));
    document.querySelectorAll(".reveal pre.nb-source code").forEach(highlight);
    const title = notebook.metadata && notebook.metadata.title;
    if (title) document.title = title;
    return global.Reveal.initialize(Object.assign({
      width: SLIDE.width,
      height: SLIDE.height,
      margin: 0.03,
      center: false, // content stays put when a live cell's output appears under it
      hash: true,
      slideNumber: "c/t",
      transition: "fade",
      transitionSpeed: "fast",
      plugins: [global.RevealNotes],
    }, revealOptions || {})).then(() => global.Reveal);
  }

  /** The overflow check's measurement: every slide's content height against the slide's. */
  function measureSlides() {
    const slides = global.Reveal.getSlides();
    const previous = global.Reveal.getIndices();
    const rows = slides.map(slide => {
      const indices = global.Reveal.getIndices(slide);
      global.Reveal.slide(indices.h, indices.v);
      const heading = slide.querySelector("h1, h2, h3, h4");
      const tooWide = [...slide.querySelectorAll("pre code, pre.nb-output")].filter(block => block.scrollWidth > block.clientWidth + 1).length;
      return {
        slide: indices.h + 1 + (indices.v ? "." + (indices.v + 1) : ""),
        title: heading ? heading.textContent.trim() : "",
        height: slide.scrollHeight,
        wideBlocks: tooWide,
      };
    });
    global.Reveal.slide(previous.h, previous.v);
    return { slideHeight: SLIDE.height, rows };
  }

  global.NotebookDeck = { SLIDE, groupIntoSlides, render, present, highlight, outputElement, appendOutput, measureSlides, text };
})(window);
