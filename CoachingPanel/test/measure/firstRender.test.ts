// npm run measure: production bundle size and first render time in the harness (not part of npm test).
import { statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { BUNDLE_DIR, close, launch, openPanel } from "../browser/harness";
import { scenarios } from "../browser/scenarios";

const RUNS = 15;

it("measures bundle size and first render", async () => {
    const browser = await launch();
    const samples: { updateView: number; ready: number; fromNavigation: number }[] = [];
    try {
        for (let i = 0; i < RUNS; i++) {
            // The real clock: a fixed test clock would also stand in for performance.now().
            const { page } = await openPanel(browser, { ...scenarios.sessionManager, latencyMs: 0, now: undefined });
            await page.locator('.cp-content[data-state="ready"]').waitFor();
            const t = await page.evaluate(() => (window as unknown as { __timings: Record<string, number> }).__timings);
            samples.push({ updateView: t.firstUpdateViewReturned - t.init, ready: t.firstRender - t.init, fromNavigation: t.firstRender });
            await page.close();
        }
    } finally {
        await close(browser);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const bundle = statSync(join(BUNDLE_DIR, "bundle.js")).size;
    const css = statSync(join(BUNDLE_DIR, "css", "CoachingPanel.css")).size;
    console.log([
        `bundle.js: ${bundle} bytes; CoachingPanel.css: ${css} bytes (production build)`,
        `first render, open-session scenario, Web API answering at once, median of ${RUNS} page loads (first load included):`,
        `  init → loading state on screen (updateView returned): ${median(samples.map(s => s.updateView)).toFixed(1)} ms`,
        `  init → coaching in the DOM (four parallel Web API reads, then render): ${median(samples.map(s => s.ready)).toFixed(1)} ms`,
        `  navigation start → coaching in the DOM (page, bundle, CSS, reads, render): ${median(samples.map(s => s.fromNavigation)).toFixed(1)} ms`,
    ].join("\n"));
    expect(samples).toHaveLength(RUNS);
}, 120_000);
