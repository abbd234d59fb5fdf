import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildView, FORMATTED, gateFor, parseIcpReasons, parseReviewReasons } from "../../CoachingPanel/src/model";
import { StageGateSettings } from "../../CoachingPanel/src/stageGate";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/core-texts.json", import.meta.url), "utf8")) as {
    icpReasons: { text: string; status: string }[];
    reviewReasons: { text: string; timeBased: boolean }[];
};

const gate: StageGateSettings = { requireGoalFromStage: "Develop", minimumGoalLength: 15, requireFutureInteractionDate: true };
const now = new Date("2026-11-05T10:00:00Z");

describe("ICP reasons as IcpFitRule writes them", () => {
    it.each(fixture.icpReasons.map(r => [r.text, r.status] as const))("%s reads as %s", (text, status) => {
        expect(parseIcpReasons(text).map(c => c.status)).toEqual([status]);
    });

    it("never reads an unknown criterion as missed", () => {
        const unknown = fixture.icpReasons.filter(r => r.text.includes(": unknown ("));
        expect(unknown.length).toBeGreaterThan(3);
        expect(parseIcpReasons(unknown.map(r => r.text).join("\n")).every(c => c.status === "unknown")).toBe(true);
    });

    it("splits a line into criterion, detail and points", () => {
        expect(parseIcpReasons("Revenue: 5,000,000 is below the target range 10,000,000–1,000,000,000 (0 of 20)")).toEqual([
            { status: "missed", label: "Revenue", detail: "5,000,000 is below the target range 10,000,000–1,000,000,000", points: "0 of 20" },
        ]);
        expect(parseIcpReasons("Industry: Financial is a target industry (+25)\r\n\r\n")).toEqual([
            { status: "met", label: "Industry", detail: "Financial is a target industry", points: "+25" },
        ]);
    });
});

describe("review reasons as ReviewFlagRule writes them", () => {
    it.each(fixture.reviewReasons.map(r => [r.text, r.timeBased] as const))("%s: time-based %s", (text, timeBased) => {
        expect(parseReviewReasons(text).map(r => r.timeBased)).toEqual([timeBased]);
    });
});

describe("the next forward move", () => {
    const opportunity = { name: "Contoso renewal", statecode: 0, salesstage: 1, coach_nextinteractiongoal: "Short", coach_nextinteractiondate: null };

    it("is checked against the gate from the current sales stage", () => {
        expect(gateFor(opportunity, gate, now)).toEqual({
            kind: "decision",
            toStage: "Propose",
            decision: { allowed: false, message: "Before moving 'Contoso renewal' to Propose, fill in Next interaction goal (at least 15 characters; it has 5) and a Next interaction date in the future." },
        });
    });

    it("does not exist from Close or on a closed deal", () => {
        expect(gateFor({ ...opportunity, salesstage: 3 }, gate, now).kind).toBe("no-forward-move");
        expect(gateFor({ ...opportunity, statecode: 1 }, gate, now)).toEqual({ kind: "no-forward-move", reason: "The deal is closed." });
    });

    it("says it cannot tell when the settings are unreadable, rather than assume other rules", () => {
        expect(gateFor(opportunity, new Error("coach_CoachingSettings: the current value is not valid JSON"), now)).toEqual({
            kind: "settings-unreadable", reason: "coach_CoachingSettings: the current value is not valid JSON",
        });
    });
});

describe("the view", () => {
    const opportunity = {
        name: "Contoso renewal", statecode: 0, salesstage: 0, coach_icpfitscore: null, coach_icpfitband: 731050003,
        coach_icpfitreasons: "Not enough data: 15 of 100 points have data (at least half needed)\nIndustry: unknown (0 of 25)",
        coach_reviewflag: false, coach_reviewreasons: "stale text left behind",
    };

    it("shows an unscored deal as Unknown, and no reasons when the flag is off", () => {
        const view = buildView({ opportunity, session: null, tasks: [], settings: gate, isManager: false, now });
        expect(view.icp).toMatchObject({ score: null, band: "Unknown" });
        expect(view.icp.criteria.map(c => c.status)).toEqual(["note", "unknown"]);
        expect(view.review).toEqual({ flagged: false, reasons: [] });
    });

    it("lists the session's tasks with owners, due dates and overdue ones, leaving out older sessions' tasks", () => {
        const session = { activityid: "s1", subject: "Coaching: Contoso", createdon: "2026-11-01T09:00:00Z", coach_step: 731050003,
            coach_commitmentskept: 2, coach_commitmentsmissed: 1, coach_executionconcern: 731050000 };
        const tasks = [
            { subject: "Old action item", createdon: "2026-10-01T09:00:00Z", statecode: 0, scheduledend: "2026-10-10T00:00:00Z" },
            { subject: "Send the pilot plan", createdon: "2026-11-02T09:00:00Z", statecode: 0, scheduledend: "2026-11-04T00:00:00Z", [`_ownerid_value${FORMATTED}`]: "Dana Rep" },
            { subject: "Prepare", createdon: "2026-11-01T09:00:00Z", statecode: 1, scheduledend: "2026-11-02T00:00:00Z", [`_ownerid_value${FORMATTED}`]: "Dana Rep" },
        ];
        const view = buildView({ opportunity, session, tasks, settings: gate, isManager: true, now });
        expect(view.session).toMatchObject({ step: "Assign next steps", stepNumber: 4, commitmentsKept: 2, commitmentsMissed: 1 });
        expect(view.session!.tasks).toEqual([
            { subject: "Send the pilot plan", owner: "Dana Rep", due: new Date("2026-11-04T00:00:00Z"), status: "open", overdue: true },
            { subject: "Prepare", owner: "Dana Rep", due: new Date("2026-11-02T00:00:00Z"), status: "done", overdue: false },
        ]);
    });

    it("reads the execution concern choice: will and skill are shown, none and a column hidden by column security are not", () => {
        const concernOf = (value: unknown) => buildView({
            opportunity, session: { activityid: "s1", coach_step: 731050003, coach_executionconcern: value }, tasks: [], settings: gate, isManager: true, now,
        }).session!.executionConcern;
        expect(concernOf(731050002)).toBe("will");
        expect(concernOf(731050001)).toBe("skill");
        expect(concernOf(731050000)).toBeNull();
        expect(concernOf(undefined)).toBeNull();
    });
});
