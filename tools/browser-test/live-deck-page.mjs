// The live slideshow opened from its URL, as on Notebook 7 or JupyterLab without the toolbar
// button, in headless Chromium against a jupyter_server (their server): the page at
// <base>workbook-slides/ lists the notebooks; picking one (logged in by the cookie the first page
// left, as a browser is) with no session for it yet starts one, as opening the notebook would;
// the given cells run in order, each on its slide, each output awaited (so a later cell can use
// what an earlier one defined); back on the first cell's slide, the speaker view shows its notes;
// the notebook's session is on the server. Nothing may be fetched from anywhere but the server.
//
//   node live-deck-page.mjs LISTING_URL NOTEBOOK SCREENSHOT_DIR CELL EXPECTED_OUTPUT [CELL EXPECTED_OUTPUT...]
import { mkdirSync } from "node:fs";
import { jupyterPageTest, runLiveCell } from "./browser.mjs";

const [url, path, screenshots, ...cellsAndOutputs] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
await jupyterPageTest("live slideshow test", url, async page => {
  await page.goto(url);
  await page.getByRole("link", { name: path }).click();
  for (let i = 0; i < cellsAndOutputs.length; i += 2) {
    await runLiveCell(page, cellsAndOutputs[i], cellsAndOutputs[i + 1]);
    await page.screenshot({ path: `${screenshots}/live-cell-${cellsAndOutputs[i]}.png` });
  }
  // The speaker view (key S) shows the notes of the slide the talk is on.
  await runLiveCell(page, cellsAndOutputs[0], cellsAndOutputs[1]);
  const notes = await page.evaluate(() => Reveal.getCurrentSlide().querySelector("aside.notes")?.textContent.trim());
  if (notes) {
    const [speakerView] = await Promise.all([page.context().waitForEvent("page"), page.keyboard.press("s")]);
    await speakerView.locator(".speaker-controls-notes .value", { hasText: notes }).waitFor({ timeout: 30_000 });
    await speakerView.setViewportSize({ width: 1280, height: 800 });
    await speakerView.screenshot({ path: `${screenshots}/live-speaker-view.png` });
    await speakerView.close();
  }
  const sessions = await page.evaluate(async () => (await fetch("/api/sessions")).json());
  return sessions.some(session => (session.path || session.notebook.path) === path) ? null
    : `no session for ${path} on the server: ${JSON.stringify(sessions)}`;
});
