// The live slideshow opened from its URL, as on Notebook 7 or JupyterLab (whose server is
// jupyter_server) where the classic toolbar button does not exist, in headless Chromium: with no
// session for the notebook yet, the page starts one (as opening the notebook would), runs the
// cell that defines a value on its slide, then the cell on a later slide that uses it, and finds
// the notebook's session on the server. Nothing may be fetched from anywhere but the server.
//
//   node live-deck-page.mjs LIVE_URL SCREENSHOT_DIR DEFINING_CELL DEFINING_OUTPUT USING_CELL USING_OUTPUT
import { mkdirSync } from "node:fs";
import { launchBrowser, requestsOutside, runLiveCell } from "./browser.mjs";

const [url, screenshots, definingCell, definingOutput, usingCell, usingOutput] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const server = new URL(url).origin + "/";
const path = new URL(url).searchParams.get("path");
const browser = await launchBrowser();
let failure = null;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const outside = requestsOutside(context, [server, server.replace(/^http/, "ws")]);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", error => errors.push(String(error)));
  await page.goto(url);
  await runLiveCell(page, definingCell, definingOutput);
  await runLiveCell(page, usingCell, usingOutput);
  await page.screenshot({ path: `${screenshots}/live-slideshow.png` });
  const sessions = await page.evaluate(async () => (await fetch("/api/sessions")).json());
  if (!sessions.some(session => (session.path || session.notebook.path) === path)) {
    failure = `no session for ${path} on the server: ${JSON.stringify(sessions)}`;
  }
  if (errors.length) failure = "errors on the page: " + errors.join("; ");
  if (outside.length) failure = "requests outside the Jupyter server: " + outside.join(", ");
} catch (error) {
  failure = String(error);
} finally {
  await browser.close();
}
if (failure) {
  console.error("live slideshow test failed: " + failure);
  process.exit(1);
}
console.log("live slideshow test passed: " + url);
