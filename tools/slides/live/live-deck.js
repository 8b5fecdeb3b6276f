// The live slideshow: a notebook as reveal.js slides whose code cells run during the talk, on the
// kernel of the notebook's own Jupyter session, so the slides and the notebook share one state.
//
// It talks to Jupyter only through the server's REST and WebSocket API (/api/contents,
// /api/sessions, /api/kernels/<id>/channels), which classic Notebook 6, Notebook 7 and JupyterLab
// all serve alike; the page itself is served by the workbook_slides server extension at
// <base>workbook-slides/live?path=NOTEBOOK[&cell=N]. Without a path it lists the notebooks.
//
// On a slide: the Run button (or Shift+Enter in the code, which can be edited) runs that cell,
// R runs every cell of the slide; Leave goes back to the notebook.
(function () {
  "use strict";

  const BASE = location.pathname.replace(/workbook-slides\/.*$/, "");
  const QUERY = new URLSearchParams(location.search);
  const TOKEN = QUERY.get("token");

  function cookie(name) {
    const match = document.cookie.match("(?:^|; )" + name + "=([^;]*)");
    return match ? decodeURIComponent(match[1]) : null;
  }

  const encodePath = path => path.split("/").map(encodeURIComponent).join("/");

  /** A call to Jupyter's REST API, authenticated as the page is (cookie, XSRF header, or ?token=). */
  async function api(method, url, body) {
    const headers = { "Content-Type": "application/json" };
    const xsrf = cookie("_xsrf");
    if (xsrf) headers["X-XSRFToken"] = xsrf;
    if (TOKEN) headers.Authorization = "token " + TOKEN;
    const response = await fetch(BASE + url, {
      method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${response.statusText}`);
    return response.status === 204 ? null : response.json();
  }

  const uuid = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());

  /** The notebook's kernel, reached through its session; one WebSocket, messages matched by id. */
  class Kernel {
    constructor(id) {
      this.id = id;
      this.session = uuid();
      this.waiting = new Map(); // msg_id -> {onOutput, resolve}
      this.onStatus = () => {};
      this.onDisplayUpdate = () => {};
    }

    /** The kernel of the notebook's session; a new session (as opening the notebook makes) if it has none. */
    static async ofNotebook(path, notebook) {
      const sessions = await api("GET", "api/sessions");
      let session = sessions.find(s => (s.path || (s.notebook && s.notebook.path)) === path);
      if (!session) {
        const kernelspec = (notebook.metadata && notebook.metadata.kernelspec) || {};
        session = await api("POST", "api/sessions", {
          path, name: path.split("/").pop(), type: "notebook", kernel: { name: kernelspec.name },
        });
      }
      return new Kernel(session.kernel.id);
    }

    connect() {
      if (this.socket && this.socket.readyState <= WebSocket.OPEN) return this.opened;
      const url = new URL(`${BASE}api/kernels/${this.id}/channels?session_id=${this.session}`, location.href);
      url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
      if (TOKEN) url.searchParams.set("token", TOKEN);
      this.socket = new WebSocket(url);
      this.socket.onmessage = event => {
        if (typeof event.data === "string") this.receive(JSON.parse(event.data));
      };
      this.socket.onclose = () => {
        this.onStatus("disconnected");
        this.waiting.forEach(({ resolve }) => resolve("disconnected"));
        this.waiting.clear();
      };
      this.opened = new Promise((resolve, reject) => {
        this.socket.onopen = () => { this.onStatus("connected"); resolve(); };
        this.socket.onerror = () => reject(new Error("could not connect to the kernel"));
      });
      return this.opened;
    }

    receive(message) {
      if (message.msg_type === "status" && message.channel === "iopub") {
        this.onStatus(message.content.execution_state);
      }
      // A display replaced in place (a progress bar), maybe by a thread after its cell finished.
      if (message.msg_type === "update_display_data") {
        this.onDisplayUpdate(message.content);
        return;
      }
      const request = this.waiting.get(message.parent_header && message.parent_header.msg_id);
      if (!request) return;
      const type = message.msg_type;
      if (["stream", "display_data", "execute_result", "error"].includes(type)) {
        if (type === "error") request.failed = true;
        request.onOutput(Object.assign({ output_type: type }, message.content));
      } else if (type === "clear_output") {
        request.onOutput({ output_type: "clear_output" });
      } else if (type === "status" && message.content.execution_state === "idle") {
        // The kernel is idle once every output of the request has been sent (iopub keeps order).
        this.waiting.delete(message.parent_header.msg_id);
        request.resolve(request.failed ? "error" : "ok");
      }
    }

    /** Runs code; outputs go to onOutput as they come; resolves with "ok" or "error" when the kernel is idle again. */
    async execute(code, onOutput) {
      await this.connect();
      const id = uuid();
      const done = new Promise(resolve => this.waiting.set(id, { onOutput, resolve }));
      this.socket.send(JSON.stringify({
        header: { msg_id: id, msg_type: "execute_request", session: this.session, username: "", version: "5.3",
          date: new Date().toISOString() },
        parent_header: {}, metadata: {}, channel: "shell", buffers: [],
        content: { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
      }));
      return done;
    }

    interrupt() {
      return api("POST", `api/kernels/${this.id}/interrupt`);
    }
  }

  function button(label, className, onClick) {
    const node = document.createElement("button");
    node.type = "button";
    node.className = className;
    node.textContent = label;
    node.addEventListener("click", onClick);
    return node;
  }

  /** Runs one code cell of the deck: its (maybe edited) code, its outputs replaced as they come. */
  async function runCell(kernel, cell) {
    const code = cell.querySelector("pre.nb-source code");
    const outputs = cell.querySelector(".nb-outputs");
    const run = cell.querySelector(".nb-run");
    outputs.replaceChildren();
    cell.classList.remove("nb-failed");
    cell.classList.add("nb-running");
    run.textContent = "◼ Running";
    const status = await kernel.execute(code.innerText, output => {
      if (output.output_type === "clear_output") {
        outputs.replaceChildren();
        return;
      }
      NotebookDeck.appendOutput(outputs, output);
      const displayId = output.transient && output.transient.display_id;
      if (displayId) outputs.lastElementChild.dataset.displayId = displayId;
    });
    cell.classList.remove("nb-running");
    cell.classList.toggle("nb-failed", status !== "ok");
    run.textContent = status === "ok" ? "▶ Run again" : "▶ Run";
    Reveal.layout();
    return status;
  }

  async function runSlide(kernel) {
    for (const cell of Reveal.getCurrentSlide().querySelectorAll(".nb-code")) {
      if (await runCell(kernel, cell) !== "ok") break;
    }
  }

  function updateDisplay(content) {
    const id = content.transient && content.transient.display_id;
    if (!id) return;
    document.querySelectorAll(`.reveal [data-display-id="${CSS.escape(id)}"]`).forEach(node => {
      const fresh = NotebookDeck.outputElement(Object.assign({ output_type: "display_data" }, content));
      fresh.dataset.displayId = id;
      node.replaceWith(fresh);
    });
  }

  function makeCodeLive(kernel) {
    kernel.onDisplayUpdate = updateDisplay;
    document.querySelectorAll(".reveal .nb-code").forEach(cell => {
      const code = cell.querySelector("pre.nb-source code");
      code.contentEditable = "plaintext-only";
      code.spellcheck = false;
      code.addEventListener("blur", () => NotebookDeck.highlight(code));
      code.addEventListener("keydown", event => {
        if (event.key === "Enter" && event.shiftKey) {
          event.preventDefault();
          runCell(kernel, cell);
        }
      });
      cell.querySelector("pre.nb-source").appendChild(button("▶ Run", "nb-run", () => {
        if (cell.classList.contains("nb-running")) kernel.interrupt();
        else runCell(kernel, cell);
      }));
    });
  }

  /** The first cell on the current slide, for the notebook to scroll to when the presenter leaves. */
  function currentCellIndex() {
    const first = Reveal.getCurrentSlide().querySelector("[data-cell-index]");
    return first ? Number(first.dataset.cellIndex) : null;
  }

  function leave(path) {
    if (window.parent !== window) {
      // Shown over a classic notebook (nbextension.js): it takes the page away.
      window.parent.postMessage({ type: "workbook-slides:leave", cell: currentCellIndex() }, location.origin);
    } else if (window.opener) {
      // Opened in a tab of its own (JupyterLab's and Notebook 7's button): back to the notebook's tab.
      window.close();
    } else {
      location.href = `${BASE}notebooks/${encodePath(path)}`;
    }
  }

  /** The slide that shows cell N, or the nearest cell before it that is on a slide. */
  function goToCell(index) {
    const cells = [...document.querySelectorAll(".reveal [data-cell-index]")];
    const target = cells.filter(c => Number(c.dataset.cellIndex) <= index).pop();
    if (!target) return;
    const indices = Reveal.getIndices(target.closest("section.nb-slide"));
    Reveal.slide(indices.h, indices.v);
  }

  function toolbar(path, kernel) {
    const bar = document.createElement("div");
    bar.className = "live-toolbar";
    const status = document.createElement("span");
    status.className = "live-status";
    status.textContent = "kernel: connecting";
    kernel.onStatus = state => {
      status.textContent = "kernel: " + state;
      status.dataset.state = state;
    };
    bar.append(status, button("✕ Leave", "live-leave", () => leave(path)));
    document.body.appendChild(bar);
  }

  async function presentNotebook(path) {
    const model = await api("GET", `api/contents/${encodePath(path)}?type=notebook&content=1`);
    const notebook = model.content;
    document.title = path.split("/").pop() + " (live)";
    const startAtCell = QUERY.has("cell") ? Number(QUERY.get("cell")) : null;
    await NotebookDeck.present(notebook, { hash: startAtCell === null });
    // The speaker view shows this page in frames of its own ("receiver"): slides only, no kernel.
    if (QUERY.has("receiver")) return;
    const kernel = await Kernel.ofNotebook(path, notebook);
    toolbar(path, kernel);
    makeCodeLive(kernel);
    Reveal.addKeyBinding({ keyCode: 82, key: "R", description: "Run the code on this slide" }, () => runSlide(kernel));
    if (startAtCell !== null) goToCell(startAtCell);
    await kernel.connect();
    document.body.dataset.live = "ready";
  }

  /** Without ?path=: the notebooks of the server's root, each a link to its live slideshow. */
  async function listNotebooks() {
    const listing = await api("GET", "api/contents/?type=directory&content=1");
    const notebooks = listing.content.filter(item => item.type === "notebook").sort((a, b) => a.path.localeCompare(b.path));
    const links = notebooks.map(item => {
      const link = document.createElement("a");
      link.href = `live?path=${encodeURIComponent(item.path)}`;
      link.textContent = item.name;
      const row = document.createElement("li");
      row.appendChild(link);
      return row;
    });
    const list = document.createElement("ol");
    list.append(...links);
    const heading = document.createElement("h1");
    heading.textContent = "Live slideshow: pick a notebook";
    document.querySelector(".reveal").replaceWith(heading, list);
    document.body.classList.add("live-listing");
  }

  function fail(error) {
    const message = document.createElement("pre");
    message.className = "live-failure";
    message.textContent = "The live slideshow could not start: " + error.message;
    document.body.appendChild(message);
    throw error;
  }

  const path = QUERY.get("path");
  (path ? presentNotebook(path) : listNotebooks()).catch(fail);
})();
