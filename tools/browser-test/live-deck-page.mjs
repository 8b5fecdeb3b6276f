// The live slideshow opened from its URL, as on Notebook 7 or JupyterLab (whose server is
// jupyter_server) where the classic toolbar button does not exist, in headless Chromium: with no
// session for the notebook yet, the page starts one (as opening the notebook would), runs the
// given cells in order, each on its slide, waiting for each one's expected output (so a later cell
// can use what an earlier one defined), and finds the notebook's session on the server. Nothing
// may be fetched from anywhere but the server.
//
//   node live-deck-page.mjs LIVE_URL SCREENSHOT_DIR CELL EXPECTED_OUTPUT [CELL EXPECTED_OUTPUT...]
import { mkdirSync } from "node:fs";
import { jupyterPageTest, runLiveCell } from "./browser.mjs";

const [url, screenshots, ...cellsAndOutputs] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const path = new URL(url).searchParams.get("path");
await jupyterPageTest("live slideshow test", url, async page => {
  await page.goto(url);
  for (let i = 0; i < cellsAndOutputs.length; i += 2) {
    await runLiveCell(page, cellsAndOutputs[i], cellsAndOutputs[i + 1]);
    await page.screenshot({ path: `${screenshots}/live-cell-${cellsAndOutputs[i]}.png` });
  }
  const sessions = await page.evaluate(async () => (await fetch("/api/sessions")).json());
  return sessions.some(session => (session.path || session.notebook.path) === path) ? null
    : `no session for ${path} on the server: ${JSON.stringify(sessions)}`;
});
