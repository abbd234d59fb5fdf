// The built bundle in headless Chromium, in a stand-in form column with a fake PCF context, at the narrow and the
// wide end of a form column. Each test reads what a manager (or rep) sees and screenshots it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Page } from "playwright-core";
import { ApiAnswer, ApiCall, Browser, close, launch, openPanel, screenshot } from "./harness";
import { gateMessage, OPPORTUNITY_ID, openSession, REVIEW_REASONS, Scenario, scenarios, withWidth } from "./scenarios";

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await close(browser); });

async function open(s: Scenario, width: number, api?: (call: ApiCall) => ApiAnswer): Promise<{ page: Page; apiCalls: ApiCall[] }> {
    const opened = await openPanel(browser, withWidth(s, width), api);
    return opened;
}

async function ready(page: Page): Promise<void> {
    await page.locator('.cp-content[data-state="ready"]').waitFor({ timeout: 10_000 });
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();

async function noPageErrors(page: Page): Promise<void> {
    expect((page as Page & { harnessErrors: string[] }).harnessErrors).toEqual([]);
    // Nothing may stick out of the form column.
    const overflow = await page.evaluate(() => {
        const column = document.getElementById("column")!.getBoundingClientRect();
        return [...document.querySelectorAll("#container *")].filter(e => e.getBoundingClientRect().right > column.right + 0.5).map(e => e.className);
    });
    expect(overflow).toEqual([]);
}

describe.each([320, 600])("coaching panel at %i px", width => {
    it("shows a loading state while the record is read", async () => {
        const { page } = await open(scenarios.loading, width);
        const content = page.locator(".cp-content");
        await expect.poll(() => content.getAttribute("aria-busy")).toBe("true");
        expect(await content.innerText()).toContain("Loading coaching for this opportunity…");
        await screenshot(page, `loading-${width}`);
        await page.close();
    });

    it("explains that a new opportunity has no coaching until it is saved", async () => {
        const { page } = await open(scenarios.newRecord, width);
        await page.locator('[data-state="empty"]').waitFor();
        expect(await text(page, ".cp-content")).toContain("Save this opportunity: its ICP fit, pipeline-meeting flag and micro-coaching appear here.");
        await screenshot(page, `empty-${width}`);
        await noPageErrors(page);
        await page.close();
    });

    it("shows a load error with its reason and recovers with Try again", async () => {
        const { page } = await open(scenarios.error, width);
        const alert = page.getByRole("alert");
        await alert.waitFor();
        expect(await alert.innerText()).toContain("Couldn't load coaching for this opportunity");
        expect(await alert.innerText()).toContain("Principal user is missing prvReadOpportunity privilege.");
        await screenshot(page, `error-${width}`);
        await page.evaluate(() => { (window as unknown as { __scenario: Scenario }).__scenario.webApi = "normal"; });
        await page.getByRole("button", { name: "Try again" }).click();
        await ready(page);
        expect(await text(page, '[data-section="icp"]')).toContain("Strong");
        await page.close();
    });

    it("shows a strong fit: score, band, one line per criterion, and a gate that would pass", async () => {
        const { page } = await open(scenarios.strongFit, width);
        await ready(page);
        expect(await text(page, '[data-testid="icp-score"]')).toBe("100");
        expect(await text(page, '[data-testid="icp-band"]')).toContain("Strong");
        const criteria = page.locator('[data-section="icp"] li');
        expect(await criteria.count()).toBe(5);
        expect(await criteria.first().innerText()).toContain("Industry");
        expect(await criteria.first().innerText()).toContain("Financial is a target industry");
        expect(await page.locator('[data-section="icp"] li[data-status="met"]').count()).toBe(5);
        expect(await text(page, '[data-testid="review-flag"]')).toBe("Not flagged for the pipeline meeting");
        expect(await text(page, '[data-testid="next-date"]')).toBe("2026-11-12 (in 7 days)");
        expect(await text(page, '[data-testid="next-goal"]')).toBe("Agree pilot scope with the CFO");
        expect(await text(page, '[data-testid="gate"]')).toBe("Stage gate: a move to Propose would pass.");
        await screenshot(page, `strong-fit-${width}`);
        await noPageErrors(page);
        await page.close();
    });

    it("shows unknown criteria as unknown, never as a miss", async () => {
        const { page } = await open(scenarios.unknownCriteria, width);
        await ready(page);
        const employees = page.locator('[data-section="icp"] li', { hasText: "Employees" });
        expect(await employees.getAttribute("data-status")).toBe("unknown");
        expect(await employees.innerText()).toContain("Employees: unknown (no data yet)");
        expect(await employees.innerText()).not.toContain("Not met");
        // Screen readers hear the status word; the icon is not red.
        expect(await employees.locator(".cp-sr").textContent()).toBe("Unknown: ");
        const colour = await employees.locator(".cp-icon").evaluate(e => getComputedStyle(e).color);
        expect(colour).toBe("rgb(97, 97, 97)");
        const revenue = page.locator('[data-section="icp"] li', { hasText: "Revenue" });
        expect(await revenue.getAttribute("data-status")).toBe("missed");
        expect(await revenue.locator(".cp-sr").textContent()).toBe("Not met: ");
        expect(await text(page, '[data-testid="icp-band"]')).toContain("Partial");
        await screenshot(page, `unknown-criteria-${width}`);

        const notEnough = await open(scenarios.notEnoughData, width);
        await ready(notEnough.page);
        expect(await text(notEnough.page, '[data-testid="icp-score"]')).toBe("No score");
        expect(await text(notEnough.page, '[data-testid="icp-band"]')).toContain("Unknown");
        expect(await text(notEnough.page, '[data-section="icp"]')).toContain("Not enough data");
        expect(await notEnough.page.locator('[data-section="icp"] li[data-status="missed"]').count()).toBe(0);
        await screenshot(notEnough.page, `not-enough-data-${width}`);
        await notEnough.page.close();
        await page.close();
    });

    it("shows the pipeline-meeting flag with its reasons, the time-based ones marked, and the gate's own words", async () => {
        const { page } = await open(scenarios.flagged, width);
        await ready(page);
        expect(await text(page, '[data-testid="review-flag"]')).toBe("Review in pipeline meeting");
        const reasons = page.locator('[data-section="review"] li');
        expect(await reasons.count()).toBe(REVIEW_REASONS.length);
        for (let i = 0; i < REVIEW_REASONS.length; i++) {
            const reason = reasons.nth(i);
            expect(await reason.innerText()).toContain(REVIEW_REASONS[i].text.substring(REVIEW_REASONS[i].text.indexOf(": ") + 2));
            expect(await reason.getAttribute("data-time-based")).toBe(String(REVIEW_REASONS[i].timeBased));
            expect((await reason.innerText()).includes("time-based")).toBe(REVIEW_REASONS[i].timeBased);
        }
        expect(await page.locator('[data-section="review"] li[data-time-based="true"]').allInnerTexts())
            .toEqual([expect.stringMatching(/^Close date passed/), expect.stringMatching(/^Stale/)]);
        expect(await page.locator('[data-testid="gate"]').getAttribute("data-gate")).toBe("blocked");
        expect(await text(page, ".cp-gate-message"))
            .toBe("Before moving 'Fabrikam expansion' to Develop, fill in Next interaction goal (at least 15 characters) and a Next interaction date in the future.");
        await screenshot(page, `flagged-${width}`);
        await noPageErrors(page);
        await page.close();
    });

    it("says a forward move would be blocked in exactly the words the stage gate uses", async () => {
        const { page } = await open(scenarios.gateBlocked, width);
        await ready(page);
        expect(await text(page, ".cp-gate-title")).toBe("Stage gate: a move to Propose would be blocked");
        expect(await text(page, ".cp-gate-message")).toBe(gateMessage("nothing filled in"));
        expect(await text(page, '[data-testid="next-date"]')).toBe("Not set");
        await screenshot(page, `gate-blocked-${width}`);
        await page.close();
    });

    it("shows the open session: step, action items with owners and due dates, commitments kept and missed", async () => {
        const { page } = await open(scenarios.sessionManager, width);
        await ready(page);
        const session = page.locator('[data-section="session"]');
        expect(await text(page, '[data-testid="session-step"]')).toBe("Step 4 of 5: Assign next steps");
        expect(await text(page, '[data-testid="commitments"]')).toBe("2 kept, 1 missed");
        expect(await text(page, '[data-testid="execution-concern"]')).toContain("Execution concern (will): agreed actions were missed in two sessions in a row");
        const items = session.getByRole("list", { name: "Action items" }).locator("li");
        expect(await items.allInnerTexts()).toEqual([
            expect.stringMatching(/^Prepare for micro-coaching: Contoso renewal\s+Dana Rep · due 2026-11-02\s+Done$/),
            expect.stringMatching(/^Send the pilot plan\s+Dana Rep · due 2026-11-04 \(1 day ago\)\s+Overdue$/),
            expect.stringMatching(/^Book the CFO call\s+Dana Rep · due 2026-11-09 \(in 4 days\)\s+Open$/),
        ]);
        // A session is open: no Start button, and Open session opens it.
        expect(await page.getByRole("button", { name: "Start micro-coaching" }).count()).toBe(0);
        await page.getByRole("button", { name: "Open session" }).click();
        expect(await page.evaluate(() => (window as unknown as { __opened: unknown[] }).__opened))
            .toEqual([{ entityName: "coach_microcoachingsession", entityId: openSession.activityid }]);
        await screenshot(page, `session-${width}`);
        await noPageErrors(page);
        await page.close();
    });

    it("offers Start micro-coaching to a manager and not to a rep", async () => {
        const manager = await open(scenarios.strongFit, width);
        await ready(manager.page);
        expect(await manager.page.getByRole("button", { name: "Start micro-coaching" }).count()).toBe(1);
        await manager.page.close();

        const rep = await open(scenarios.rep, width);
        await ready(rep.page);
        expect(await rep.page.getByRole("button").count()).toBe(0);
        expect(await text(rep.page, '[data-section="session"]')).toContain("No open micro-coaching session.");
        await screenshot(rep.page, `rep-${width}`);
        await rep.page.close();

        const repSession = await open(scenarios.repWithSession, width);
        await ready(repSession.page);
        expect(await repSession.page.getByRole("button", { name: "Start micro-coaching" }).count()).toBe(0);
        expect(await text(repSession.page, '[data-testid="session-step"]')).toBe("Step 4 of 5: Assign next steps");
        await repSession.page.close();
    });

    it("starts micro-coaching from the keyboard: POSTs the bound custom API, then shows the new session", async () => {
        const { page, apiCalls } = await open(scenarios.strongFit, width, () => ({
            status: 200,
            body: {
                "@odata.context": "http://harness.test/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.coach_StartMicroCoachingResponse",
                Created: true, Message: "Micro-coaching session started; the rep has a task to prepare for it.",
                Session: { "@odata.type": "#Microsoft.Dynamics.CRM.coach_microcoachingsession", activityid: openSession.activityid },
            },
        }));
        await ready(page);
        // The form now has the new session: the panel re-reads after the call.
        await page.evaluate(s => {
            const w = window as unknown as { __scenario: Scenario };
            w.__scenario.data.coach_microcoachingsession = [{ ...s, coach_step: 731050000, coach_commitmentskept: null, coach_commitmentsmissed: null, coach_executionconcern: 731050000 }];
        }, openSession);
        const start = page.getByRole("button", { name: "Start micro-coaching" });
        for (let i = 0; i < 10 && !(await start.evaluate(e => e === document.activeElement)); i++) await page.keyboard.press("Tab");
        expect(await start.evaluate(e => e === document.activeElement)).toBe(true);
        await page.keyboard.press("Enter");
        const result = page.locator('[data-testid="start-result"]');
        await result.waitFor();
        expect(apiCalls).toHaveLength(1);
        expect(apiCalls[0].method).toBe("POST");
        expect(apiCalls[0].url).toBe(`/api/data/v9.2/opportunities(${OPPORTUNITY_ID})/Microsoft.Dynamics.CRM.coach_StartMicroCoaching`);
        expect(apiCalls[0].body).toBe("{}");
        expect(apiCalls[0].headers["content-type"]).toBe("application/json; charset=utf-8");
        expect(apiCalls[0].headers["odata-version"]).toBe("4.0");
        await expect.poll(() => text(page, '[data-testid="session-step"]').catch(() => "")).toBe("Step 1 of 5: Determine");
        expect(await text(page, '[data-testid="start-result"]')).toContain("Micro-coaching session started; the rep has a task to prepare for it.");
        expect(await page.locator('.cp-root [role="status"]').textContent()).toBe("Micro-coaching session started; the rep has a task to prepare for it.");
        await screenshot(page, `start-success-${width}`);
        await noPageErrors(page);
        await page.close();
    });

    it("shows a refused start with the API's reason, and a failed one with the error's message", async () => {
        const reason = "A micro-coaching session for this opportunity was created on 2026-11-02, within the last 7 days.";
        const refused = await open(scenarios.strongFit, width, () => ({ status: 200, body: { Created: false, Message: reason, Session: { activityid: openSession.activityid } } }));
        await ready(refused.page);
        await refused.page.getByRole("button", { name: "Start micro-coaching" }).click();
        const result = refused.page.locator('[data-testid="start-result"]');
        await result.waitFor();
        expect(await result.getAttribute("data-outcome")).toBe("refused");
        expect(await result.innerText()).toContain("No new session");
        expect(await result.innerText()).toContain(reason);
        expect(refused.apiCalls).toHaveLength(1);
        await refused.page.getByRole("button", { name: "Open that session" }).click();
        expect(await refused.page.evaluate(() => (window as unknown as { __opened: unknown[] }).__opened))
            .toEqual([{ entityName: "coach_microcoachingsession", entityId: openSession.activityid }]);
        await screenshot(refused.page, `start-refused-${width}`);
        await refused.page.close();

        const closed = "'Contoso renewal' is won: micro-coaching is for open opportunities. Reopen it to coach on it.";
        const failed = await open(scenarios.strongFit, width, () => ({ status: 400, body: { error: { code: "0x80040265", message: closed } } }));
        await ready(failed.page);
        await failed.page.getByRole("button", { name: "Start micro-coaching" }).click();
        const error = failed.page.locator('[data-testid="start-result"]');
        await error.waitFor();
        expect(await error.getAttribute("data-outcome")).toBe("failed");
        expect(await error.innerText()).toContain(closed);
        await screenshot(failed.page, `start-failed-${width}`);
        await failed.page.close();
    });
});

describe("coaching panel on the form", () => {
    it("re-reads the record after a save (updateView) and not on a resize", async () => {
        const { page } = await open(scenarios.strongFit, 600);
        await ready(page);
        const reads = () => page.evaluate(() => (window as unknown as { __webApiCalls: { entity: string }[] }).__webApiCalls.filter(c => c.entity === "opportunity").length);
        expect(await reads()).toBe(1);
        await page.evaluate(() => (window as unknown as { __harness: { resize(): void } }).__harness.resize());
        expect(await reads()).toBe(1);
        await page.evaluate(() => (window as unknown as { __harness: { save(c: object): void } }).__harness.save({
            coach_icpfitscore: 40, coach_icpfitband: 731050001, coach_reviewflag: true, coach_reviewreasons: "Stale: open since 2026-08-07, more than 60 days, and still in Develop",
        }));
        await expect.poll(() => text(page, '[data-testid="icp-score"]')).toBe("40");
        expect(await reads()).toBe(2);
        expect(await text(page, '[data-testid="review-flag"]')).toBe("Review in pipeline meeting");
        await page.close();
    });

    it("stays readable in high contrast (forced colours): the step bar, badges and the primary button keep their meaning", async () => {
        const { page } = await open(scenarios.sessionManager, 600);
        await page.emulateMedia({ forcedColors: "active" });
        await ready(page);
        // Forced colours paint every background as Canvas: done and pending steps must still differ, pending ones keep an edge.
        const done = await page.locator(".cp-step--done").first().evaluate(e => getComputedStyle(e).backgroundColor);
        const pending = page.locator(".cp-step:not(.cp-step--done)").first();
        expect(await pending.evaluate(e => getComputedStyle(e).backgroundColor)).not.toBe(done);
        expect(await pending.evaluate(e => getComputedStyle(e).borderTopStyle)).toBe("solid");
        await screenshot(page, "high-contrast-session-600");
        await page.close();

        const flagged = await open(scenarios.flagged, 600);
        await flagged.page.emulateMedia({ forcedColors: "active" });
        await ready(flagged.page);
        expect(await flagged.page.locator('[data-testid="review-flag"]').evaluate(e => getComputedStyle(e).borderTopStyle)).toBe("solid");
        // The primary button's label stays readable: its text colour differs from its background.
        const start = await flagged.page.getByRole("button", { name: "Start micro-coaching" }).evaluate(e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);
        expect(start[0]).not.toBe(start[1]);
        await screenshot(flagged.page, "high-contrast-600");
        await flagged.page.close();
    });

    it("names its regions and lists for screen readers", async () => {
        const { page } = await open(scenarios.sessionManager, 600);
        await ready(page);
        const tree = await page.locator(".cp-root").ariaSnapshot();
        expect(tree).toContain('region "Coaching panel"');
        expect(tree).toContain('heading "ICP fit" [level=3]');
        expect(tree).toContain('list "ICP criteria"');
        expect(tree).toContain("Met: Industry: Financial is a target industry");
        expect(tree).toContain('list "Action items"');
        expect(tree).toContain('button "Open session"');
        await page.close();
    });
});
