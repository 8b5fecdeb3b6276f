// Opens offline decks (./workbook slides) in headless Chromium and reports what a viewer gets, as
// JSON for the Java test to judge: whether reveal.js became ready, its slide count, the charts,
// the speaker notes (and whether the speaker view shows them), every slide's height at 1280x720,
// and every request that left the deck's own folder.
//
//   node deck-facts.mjs FACTS.json SCREENSHOT_DIR DECK.html...
import { writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser, requestsOutside } from "./browser.mjs";

const [factsFile, screenshots, ...decks] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });

const words = text => text.replace(/\s+/g, " ").trim();

/**
 * The first slide with notes: its notes as the deck holds them, and as the speaker view (key S)
 * shows them, both as plain words.
 */
async function speakerView(context, page, name) {
  const notes = await page.evaluate(() => {
    const slide = Reveal.getSlides().find(s => s.querySelector("aside.notes"));
    return slide ? { indices: Reveal.getIndices(slide), text: slide.querySelector("aside.notes").textContent } : null;
  });
  if (!notes) return null;
  await page.evaluate(({ h, v }) => Reveal.slide(h, v), notes.indices);
  const [popup] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("s")]);
  const shown = popup.locator(".speaker-controls-notes .value");
  await shown.waitFor({ state: "visible", timeout: 15_000 });
  await popup.waitForFunction(() => document.querySelector(".speaker-controls-notes .value").textContent.trim().length > 0,
    null, { timeout: 15_000 });
  await popup.setViewportSize({ width: 1280, height: 800 });
  await popup.screenshot({ path: `${screenshots}/${name}-speaker-view.png` });
  const speakerView = { slide: notes.indices, inDeck: words(notes.text), shown: words(await shown.textContent()) };
  await popup.close();
  return speakerView;
}

const browser = await launchBrowser();
const facts = [];
try {
  for (const deck of decks) {
    const name = basename(deck, ".html");
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const outside = requestsOutside(context, [pathToFileURL(dirname(resolve(deck))).href + "/"]);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", error => errors.push(String(error)));
    await page.goto(pathToFileURL(resolve(deck)).href);
    const fact = { deck: name, errors, outside };
    try {
      await page.waitForFunction(() => window.Reveal && Reveal.isReady(), null, { timeout: 30_000 });
      fact.ready = true;
      Object.assign(fact, await page.evaluate(() => ({
        totalSlides: Reveal.getTotalSlides(),
        images: document.querySelectorAll(".reveal img.nb-image").length,
        notes: document.querySelectorAll(".reveal aside.notes").length,
      })));
      await page.evaluate(() => Reveal.configure({ transition: "none" }));
      fact.measurement = await page.evaluate(() => NotebookDeck.measureSlides());
      const chart = await page.evaluate(() => {
        const slide = Reveal.getSlides().find(s => s.querySelector("img.nb-image"));
        return slide ? Reveal.getIndices(slide) : null;
      });
      if (chart) await page.evaluate(({ h, v }) => Reveal.slide(h, v), chart);
      await page.screenshot({ path: `${screenshots}/${name}.png` });
      fact.speakerNotes = await speakerView(context, page, name);
    } catch (error) {
      fact.failure = String(error);
    }
    facts.push(fact);
    await context.close();
  }
} finally {
  await browser.close();
}
writeFileSync(factsFile, JSON.stringify(facts, null, 1));
console.log(`deck facts for ${facts.length} decks in ${factsFile}`);
