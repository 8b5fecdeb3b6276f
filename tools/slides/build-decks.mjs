// Writes an offline reveal.js deck for each executed notebook, and an index page of them.
//
//   node build-decks.mjs --output-dir DIR NOTEBOOK.ipynb...
//
// DIR/NAME.html is the deck: the notebook's JSON, outputs and charts included, inside the page,
// rendered into slides when it opens (deck/notebook-deck.js); DIR/assets/ holds reveal.js, marked
// and our renderer, so DIR opens from file:// with no network and can be copied as a whole.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { assetTags, copyAssets } from "./assets.mjs";

function parseArguments(argv) {
  const notebooks = [];
  let outputDir = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--output-dir") outputDir = argv[++i];
    else notebooks.push(argv[i]);
  }
  if (!outputDir || notebooks.length === 0) {
    console.error("usage: node build-decks.mjs --output-dir DIR NOTEBOOK.ipynb...");
    process.exit(2);
  }
  return { outputDir: resolve(outputDir), notebooks };
}

const escapeHtml = value => value.replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function sourceOf(cell) {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** The notebook's title: its first heading. */
function titleOf(notebook, fallback) {
  for (const cell of notebook.cells.filter(c => c.cell_type === "markdown")) {
    const heading = sourceOf(cell).match(/^#+\s+(.+)$/m);
    if (heading) return heading[1].trim();
  }
  return fallback;
}

function slideCount(notebook) {
  let count = 0;
  let started = false;
  for (const cell of notebook.cells) {
    const type = cell.metadata?.slideshow?.slide_type || "-";
    if (type === "skip") continue;
    if (type === "slide" || type === "subslide" || !started) count++;
    started = true;
  }
  return count;
}

function deckPage(title, notebook) {
  // JSON inside a <script> element: no "<" may close it early.
  const json = JSON.stringify(notebook).replace(/</g, "\\u003c");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${assetTags("assets/")}
</head>
<body>
<div class="reveal"><div class="slides"></div></div>
<script type="application/json" id="notebook">${json}</script>
<script>NotebookDeck.present(JSON.parse(document.getElementById("notebook").textContent));</script>
</body>
</html>
`;
}

function indexPage(decks) {
  const rows = decks.map(deck =>
    `<li><a href="${encodeURI(deck.file)}">${escapeHtml(deck.title)}</a> <span>${deck.name} · ${deck.slides} slides</span></li>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kinesis Workbook: slides</title>
<style>
  body { font-family: "Source Sans Pro", Helvetica, sans-serif; max-width: 48em; margin: 3em auto; color: #222; }
  li { margin: 0.6em 0; font-size: 1.3em; }
  span { color: #667; font-size: 0.75em; margin-left: 0.5em; }
</style>
</head>
<body>
<h1>Kinesis Workbook: slides</h1>
<p>One deck per notebook, with the outputs of its last run. Arrow keys move, <b>S</b> opens the
speaker view with the notes, <b>F</b> goes full screen, <b>Esc</b> shows every slide.</p>
<ol>
${rows.join("\n")}
</ol>
</body>
</html>
`;
}

const { outputDir, notebooks } = parseArguments(process.argv.slice(2));
mkdirSync(outputDir, { recursive: true });
copyAssets(join(outputDir, "assets"));
// The index lists every deck in DIR, those of earlier runs too: decks.json remembers them.
const manifest = join(outputDir, "decks.json");
const decks = new Map(existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).map(d => [d.name, d]) : []);
for (const path of notebooks) {
  const notebook = JSON.parse(readFileSync(path, "utf8"));
  const name = basename(path, ".ipynb");
  const deck = { name, file: `${name}.html`, title: titleOf(notebook, name), slides: slideCount(notebook) };
  writeFileSync(join(outputDir, deck.file), deckPage(deck.title, notebook));
  console.log(`deck   ${path} -> ${join(outputDir, deck.file)} (${deck.slides} slides)`);
  decks.set(name, deck);
}
const sorted = [...decks.values()].sort((a, b) => a.name.localeCompare(b.name));
writeFileSync(manifest, JSON.stringify(sorted, null, 1));
writeFileSync(join(outputDir, "index.html"), indexPage(sorted));
console.log(`Open ${pathToFileURL(join(outputDir, "index.html"))}`);
