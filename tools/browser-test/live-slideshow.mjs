// The live slideshow in a running classic Notebook 6, as a presenter uses it, in headless Chromium:
// run a cell in the notebook, select a later cell, press the toolbar's Slideshow button, run that
// cell on its slide (it uses what the notebook's cell defined: one kernel), see its output, leave,
// and find the notebook again at that cell. Nothing may be fetched from anywhere but the server.
//
//   node live-slideshow.mjs NOTEBOOK_URL SCREENSHOT_DIR DEFINING_CELL USING_CELL EXPECTED_OUTPUT
import { mkdirSync } from "node:fs";
import { launchBrowser, requestsOutside, runLiveCell } from "./browser.mjs";

const [url, screenshots, definingCell, usingCell, expected] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const server = new URL(url).origin + "/";
const browser = await launchBrowser();
let failure = null;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const outside = requestsOutside(context, [server, server.replace(/^http/, "ws")]);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", error => errors.push(String(error)));
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
    .waitFor({ timeout: 60_000 });
  await runLiveCell(slides, usingCell, expected);
  await page.screenshot({ path: `${screenshots}/live-slideshow.png` });
  await slides.locator(".live-leave").click();
  await page.locator("#workbook-slideshow").waitFor({ state: "detached", timeout: 10_000 });
  const selected = await page.evaluate(() => Jupyter.notebook.get_selected_index());
  await page.screenshot({ path: `${screenshots}/live-slideshow-left.png` });

  if (selected > Number(usingCell) || selected < Number(definingCell)) failure = `back in the notebook at cell ${selected}, expected the slide's first cell (at most ${usingCell})`;
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
