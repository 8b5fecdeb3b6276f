// What every browser test here shares: Debian's Chromium, headless, with nothing of its own that
// talks to the network, and a watch on the pages' requests.
import { chromium } from "playwright-core";

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Collects every request of the context's pages (popups included) that goes anywhere but the
 * allowed URL prefixes or the page itself (data:, blob:, about:). The array fills as pages load.
 */
export function requestsOutside(context, allowedPrefixes) {
  const outside = [];
  const local = url => /^(data|blob|about):/.test(url) || allowedPrefixes.some(prefix => url.startsWith(prefix));
  context.on("request", request => {
    if (!local(request.url())) outside.push(request.url());
  });
  return outside;
}

/**
 * On a live slideshow (a page, or the frame it is shown in): goes to the slide of code cell
 * INDEX, runs it with its Run button, and waits for EXPECTED in its output.
 */
export async function runLiveCell(slides, index, expected) {
  // Ready once the kernel's WebSocket is open. Jupyter opens it only when the kernel has answered
  // a kernel_info_request, or after waiting 60 s (kernel_info_timeout) for one it lost.
  await slides.locator("body[data-live=ready]").waitFor({ timeout: 150_000 });
  const cell = slides.locator(`.nb-code[data-cell-index="${index}"]`);
  await cell.evaluate(node => {
    const indices = Reveal.getIndices(node.closest("section.nb-slide"));
    Reveal.slide(indices.h, indices.v);
  });
  await cell.waitFor({ state: "visible", timeout: 10_000 });
  await cell.locator(".nb-run").click();
  await cell.locator(".nb-outputs", { hasText: expected }).waitFor({ timeout: 60_000 });
}

/**
 * A browser test against a Jupyter server, as a script: opens a 1280x720 page, runs TEST(page)
 * (which throws, or returns a failure text, to fail), and fails too on an error in the page or a
 * request anywhere but the server. Prints the verdict and exits 0 or 1.
 */
export async function jupyterPageTest(name, url, test) {
  const server = new URL(url).origin + "/";
  const browser = await launchBrowser();
  let failure = null;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const outside = requestsOutside(context, [server, server.replace(/^http/, "ws")]);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", error => errors.push(String(error)));
    failure = await test(page);
    if (errors.length) failure = "errors on the page: " + errors.join("; ");
    if (outside.length) failure = "requests outside the Jupyter server: " + outside.join(", ");
  } catch (error) {
    failure = String(error);
  } finally {
    await browser.close();
  }
  if (failure) {
    console.error(`${name} failed: ${failure}`);
    process.exit(1);
  }
  console.log(`${name} passed: ${url}`);
}
