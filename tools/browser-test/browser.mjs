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
  await slides.locator("body[data-live=ready]").waitFor({ timeout: 60_000 });
  const cell = slides.locator(`.nb-code[data-cell-index="${index}"]`);
  await cell.evaluate(node => {
    const indices = Reveal.getIndices(node.closest("section.nb-slide"));
    Reveal.slide(indices.h, indices.v);
  });
  await cell.waitFor({ state: "visible", timeout: 10_000 });
  await cell.locator(".nb-run").click();
  await cell.locator(".nb-outputs", { hasText: expected }).waitFor({ timeout: 60_000 });
}
