// The live slideshow in a running classic Notebook 6, as a presenter uses it, in headless Chromium:
// run a cell in the notebook, select a later cell, press the toolbar's Slideshow button, run that
// cell on its slide (it uses what the notebook's cell defined: one kernel), see its output, leave,
// and find the notebook again at that cell. Nothing may be fetched from anywhere but the server.
//
//   node live-slideshow.mjs NOTEBOOK_URL SCREENSHOT_DIR DEFINING_CELL USING_CELL EXPECTED_OUTPUT
import { mkdirSync } from "node:fs";
import { jupyterPageTest, runLiveCell } from "./browser.mjs";

const [url, screenshots, definingCell, usingCell, expected] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });

async function until(condition, what) {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
    if (await condition()) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error("timed out waiting for " + what);
}
await jupyterPageTest("live slideshow test", url, async page => {
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120_000 });
  await page.locator("#workbook-slideshow-button").waitFor({ timeout: 30_000 });

  // The notebook defines something...
  await page.evaluate(index => Jupyter.notebook.execute_cells([index]), Number(definingCell));
  await page.waitForFunction(index => {
    const cell = Jupyter.notebook.get_cell(index);
    return cell.input_prompt_number !== null && cell.input_prompt_number !== "*";
  }, Number(definingCell), { timeout: 120_000 });
  await page.evaluate(index => Jupyter.notebook.select(index), Number(usingCell));

  // ...the slideshow opens on the selected cell's slide and uses it.
  await page.click("#workbook-slideshow-button");
  const slides = page.frameLocator("#workbook-slideshow");
  await slides.locator(`body[data-live=ready] section.present .nb-code[data-cell-index="${usingCell}"]`)
    .waitFor({ timeout: 150_000 });
  // The keys work at once (the slides have the focus): up to the slide above, and back.
  const verticalIndex = () => slides.locator("body").evaluate(() => Reveal.getIndices().v);
  const startedAt = await verticalIndex();
  await page.keyboard.press("ArrowUp");
  await until(async () => await verticalIndex() === startedAt - 1, "ArrowUp to move to the slide above");
  await page.keyboard.press("ArrowDown");
  await until(async () => await verticalIndex() === startedAt, "ArrowDown to move back");
  await runLiveCell(slides, usingCell, expected);
  await page.screenshot({ path: `${screenshots}/live-slideshow.png` });
  await slides.locator(".live-leave").click();
  await page.locator("#workbook-slideshow").waitFor({ state: "detached", timeout: 10_000 });
  const selected = await page.evaluate(() => Jupyter.notebook.get_selected_index());
  await page.screenshot({ path: `${screenshots}/live-slideshow-left.png` });
  const slideStart = Number(definingCell) + 1;
  return selected >= slideStart && selected <= Number(usingCell) ? null
    : `back in the notebook at cell ${selected}, expected the first cell of the slide left (${slideStart}-${usingCell})`;
});
