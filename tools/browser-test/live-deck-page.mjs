// The live slideshow opened from its URL, as on Notebook 7 or JupyterLab (whose server is
// jupyter_server) where the classic toolbar button does not exist, in headless Chromium: with no
// session for the notebook yet, the page starts one (as opening the notebook would), runs the
// cell that defines a value on its slide, then the cell on a later slide that uses it, and finds
// the notebook's session on the server. Nothing may be fetched from anywhere but the server.
//
//   node live-deck-page.mjs LIVE_URL SCREENSHOT_DIR DEFINING_CELL DEFINING_OUTPUT USING_CELL USING_OUTPUT
import { mkdirSync } from "node:fs";
import { jupyterPageTest, runLiveCell } from "./browser.mjs";

const [url, screenshots, definingCell, definingOutput, usingCell, usingOutput] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const path = new URL(url).searchParams.get("path");
await jupyterPageTest("live slideshow test", url, async page => {
  await page.goto(url);
  await runLiveCell(page, definingCell, definingOutput);
  await runLiveCell(page, usingCell, usingOutput);
  await page.screenshot({ path: `${screenshots}/live-slideshow.png` });
  const sessions = await page.evaluate(async () => (await fetch("/api/sessions")).json());
  return sessions.some(session => (session.path || session.notebook.path) === path) ? null
    : `no session for ${path} on the server: ${JSON.stringify(sessions)}`;
});
