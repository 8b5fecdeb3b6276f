// Opens a notebook in a running Jupyter (classic Notebook 6) in headless Chromium, runs every cell
// from the Cell menu as a person would, waits until the kernel is idle, and checks what the page shows.
//
//   node run-notebook.mjs NOTEBOOK_URL SCREENSHOT.png EXPECTED_TEXT...
//
// Exits 0 when every expected text is on the page, no cell shows an error and a PNG chart is drawn.
import { launchBrowser } from "./browser.mjs";

const [url, screenshot, ...expected] = process.argv.slice(2);
const browser = await launchBrowser();
let failure = null;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120_000 });
  await page.click("#celllink");
  await page.click("#run_all_cells");
  // Running cells show "In [*]"; done when none does and the kernel is idle.
  await page.waitForFunction(() => {
    const prompts = [...document.querySelectorAll(".input_prompt")].map(p => p.textContent);
    return prompts.length > 0 && prompts.every(p => !p.includes("*"))
        && document.querySelector("#kernel_indicator_icon.kernel_idle_icon") !== null;
  }, null, { timeout: 300_000, polling: 500 });
  const text = await page.locator("#notebook-container").innerText();
  for (const wanted of expected) {
    if (!text.includes(wanted)) failure = `expected to see "${wanted}" on the page`;
  }
  if (await page.locator(".output_error, .output_stderr pre:has-text('Exception')").count() > 0) {
    failure = "a cell shows an error";
  }
  if (await page.locator(".output_png img, img[src^='data:image/png']").count() === 0) {
    failure = "no chart (PNG image) on the page";
  }
  await page.screenshot({ path: screenshot, fullPage: true });
} catch (error) {
  failure = String(error);
} finally {
  await browser.close();
}
if (failure) {
  console.error("browser test failed: " + failure);
  process.exit(1);
}
console.log("browser test passed: " + url);
