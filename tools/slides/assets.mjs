// The files a deck page loads, all from this folder's pinned npm packages and deck/: the offline
// decks get a copy next to them (target/slides/assets), the live slideshow serves a copy from the
// workbook's Jupyter data dir. Nothing is loaded from anywhere else.
//
//   node assets.mjs DIR     copies them into DIR
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const REVEAL = "node_modules/reveal.js/dist";

/** Where each asset goes (relative to DIR) and where it comes from (relative to tools/slides). */
export const ASSETS = {
  "reveal/reveal.css": `${REVEAL}/reveal.css`,
  "reveal/theme/white.css": `${REVEAL}/theme/white.css`,
  "reveal/reveal.js": `${REVEAL}/reveal.js`,
  "reveal/plugin/notes.js": `${REVEAL}/plugin/notes.js`,
  "reveal/plugin/highlight.js": `${REVEAL}/plugin/highlight.js`,
  "marked/marked.umd.js": "node_modules/marked/lib/marked.umd.js",
  "deck/notebook-deck.js": "deck/notebook-deck.js",
  "deck/deck.css": "deck/deck.css",
};

/** The <link> and <script> tags that load the assets from PREFIX (a relative or absolute URL ending in /). */
export function assetTags(prefix) {
  const styles = ["reveal/reveal.css", "reveal/theme/white.css", "deck/deck.css"];
  const scripts = ["reveal/reveal.js", "reveal/plugin/notes.js", "reveal/plugin/highlight.js", "marked/marked.umd.js",
    "deck/notebook-deck.js"];
  return [...styles.map(path => `<link rel="stylesheet" href="${prefix}${path}">`),
    ...scripts.map(path => `<script src="${prefix}${path}"></script>`)].join("\n");
}

export function copyAssets(dir) {
  for (const [target, source] of Object.entries(ASSETS)) {
    mkdirSync(dirname(join(dir, target)), { recursive: true });
    copyFileSync(join(HERE, source), join(dir, target));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) {
    console.error("usage: node assets.mjs DIR");
    process.exit(2);
  }
  copyAssets(process.argv[2]);
}
