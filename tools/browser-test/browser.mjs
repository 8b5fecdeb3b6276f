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
