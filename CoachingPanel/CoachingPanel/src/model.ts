// What the panel shows, built from the records the Web API returns. Pure functions: unit-tested in
// test/model.test.ts with the texts the C# rules write (test/fixtures/core-texts.json).

import { daysBetween, parseDate } from "./format";
import { evaluateStageGate, nextForwardMove, SALES_STAGES, StageGateDecision, StageGateSettings } from "./stageGate";

/** Web API annotation that carries a column's display text (choice labels, lookup names). */
export const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

/** coach_icpfitband (Coaching.Core.Icp.IcpFitBand). */
export const ICP_BANDS: Record<number, string> = {
    731050000: "Strong",
    731050001: "Partial",
    731050002: "Poor",
    731050003: "Unknown",
};

/** coach_step (Coaching.Core.Sessions.SessionStep); Done is not one of the five steps. */
export const SESSION_STEPS: Record<number, string> = {
    731050000: "Determine",
    731050001: "Compile",
    731050002: "Conduct",
    731050003: "Assign next steps",
    731050004: "Follow up",
    731050005: "Done",
};

/** coach_executionconcern (Coaching.Core ExecutionConcernKind): None 731050000, Skill 731050001, Will 731050002. */
export const EXECUTION_CONCERNS: Record<number, ExecutionConcern> = {
    731050001: "skill",
    731050002: "will",
};

/** Why the rep falls short, as the coach sees it; null when there is none or the column is hidden from the user. */
export type ExecutionConcern = "skill" | "will";

export type CriterionStatus = "met" | "missed" | "unknown" | "note";

/** One line of coach_icpfitreasons, as IcpFitRule writes it. */
export interface IcpCriterion {
    status: CriterionStatus;
    /** "Industry", "Employees", …; for a note, its lead ("Not enough data"). */
    label: string;
    /** The rest of the line without the points. */
    detail: string;
    /** "+25", "0 of 20"; empty for a note. */
    points: string;
}

export interface ReviewReason {
    label: string;
    detail: string;
    /** True for reasons that turn true with the passing of time alone (no save needed). */
    timeBased: boolean;
}

export interface CoachingTask {
    subject: string;
    owner: string;
    due: Date | null;
    status: "open" | "done" | "canceled";
    overdue: boolean;
}

export interface OpenSession {
    id: string;
    subject: string;
    step: string;
    /** 1–5 for the five steps; null for Done or an unknown value. */
    stepNumber: number | null;
    createdOn: Date | null;
    followUpDue: Date | null;
    agreedActionItems: string[];
    tasks: CoachingTask[];
    commitmentsKept: number | null;
    commitmentsMissed: number | null;
    executionConcern: ExecutionConcern | null;
}

export type GateView =
    | { kind: "decision"; toStage: string; decision: StageGateDecision }
    | { kind: "no-forward-move"; reason: string }
    | { kind: "settings-unreadable"; reason: string };

export interface CoachingView {
    opportunityName: string;
    isOpen: boolean;
    icp: { score: number | null; band: string; criteria: IcpCriterion[] };
    review: { flagged: boolean; reasons: ReviewReason[] };
    next: { date: Date | null; goal: string; gate: GateView };
    session: OpenSession | null;
    isManager: boolean;
}

/** Records as the Web API returns them (column values plus annotations). */
export type WebApiRecord = Record<string, unknown>;

// Reason prefixes of ReviewFlagRule that depend on today's date rather than on a saved value.
const TIME_BASED_REVIEW_PREFIXES = ["Close date passed:", "Closing soon:", "Stale:", "Next interaction date passed:"];

const MET = /^(.*) \(\+(\d+)\)$/;
const NOT_MET = /^(.*) \(0 of (\d+)\)$/;

/** IcpFitRule's reasons, one criterion per line: "X (+w)" met, "Label: unknown (0 of w)" unknown, "X (0 of w)" missed. */
export function parseIcpReasons(text: string | null | undefined): IcpCriterion[] {
    return lines(text).map(line => {
        const met = MET.exec(line);
        if (met) return { status: "met", ...splitLabel(met[1]), points: `+${met[2]}` };
        const notMet = NOT_MET.exec(line);
        if (notMet) {
            const { label, detail } = splitLabel(notMet[1]);
            return { status: detail === "unknown" ? "unknown" : "missed", label, detail, points: `0 of ${notMet[2]}` };
        }
        return { status: "note", ...splitLabel(line), points: "" };
    });
}

/** ReviewFlagRule's reasons, one per line, with the time-based ones marked. */
export function parseReviewReasons(text: string | null | undefined): ReviewReason[] {
    return lines(text).map(line => ({
        ...splitLabel(line),
        timeBased: TIME_BASED_REVIEW_PREFIXES.some(prefix => line.startsWith(prefix)),
    }));
}

/** The gate's answer for the next forward move from the current sales stage. */
export function gateFor(opportunity: WebApiRecord, settings: StageGateSettings | Error, now: Date): GateView {
    const state = numberOf(opportunity.statecode) ?? 0;
    if (state !== 0) return { kind: "no-forward-move", reason: "The deal is closed." };
    const stage = numberOf(opportunity.salesstage) ?? 0;
    const move = nextForwardMove(stringOf(opportunity.name), stage, stringOf(opportunity.coach_nextinteractiongoal),
        parseDate(opportunity.coach_nextinteractiondate));
    if (!move) return { kind: "no-forward-move", reason: `${SALES_STAGES[stage] ?? "This stage"} is the last stage: the next move closes the deal.` };
    if (settings instanceof Error) return { kind: "settings-unreadable", reason: settings.message };
    return { kind: "decision", toStage: move.toStageName ?? "", decision: evaluateStageGate(move, settings, now) };
}

export function buildView(input: {
    opportunity: WebApiRecord;
    session: WebApiRecord | null;
    tasks: WebApiRecord[];
    settings: StageGateSettings | Error;
    isManager: boolean;
    now: Date;
}): CoachingView {
    const { opportunity, now } = input;
    const score = numberOf(opportunity.coach_icpfitscore);
    const bandValue = numberOf(opportunity.coach_icpfitband);
    return {
        opportunityName: stringOf(opportunity.name) ?? "",
        isOpen: (numberOf(opportunity.statecode) ?? 0) === 0,
        icp: {
            score,
            band: bandValue === null ? "Not scored" : ICP_BANDS[bandValue] ?? stringOf(opportunity[`coach_icpfitband${FORMATTED}`]) ?? "Unknown",
            criteria: parseIcpReasons(stringOf(opportunity.coach_icpfitreasons)),
        },
        review: {
            flagged: opportunity.coach_reviewflag === true,
            reasons: opportunity.coach_reviewflag === true ? parseReviewReasons(stringOf(opportunity.coach_reviewreasons)) : [],
        },
        next: {
            date: parseDate(opportunity.coach_nextinteractiondate),
            goal: (stringOf(opportunity.coach_nextinteractiongoal) ?? "").trim(),
            gate: gateFor(opportunity, input.settings, now),
        },
        session: input.session ? sessionOf(input.session, input.tasks, now) : null,
        isManager: input.isManager,
    };
}

function sessionOf(session: WebApiRecord, tasks: WebApiRecord[], now: Date): OpenSession {
    const stepValue = numberOf(session.coach_step);
    const step = stepValue === null ? "Not started" : SESSION_STEPS[stepValue] ?? stringOf(session[`coach_step${FORMATTED}`]) ?? "Unknown";
    const stepNumber = stepValue !== null && stepValue >= 731050000 && stepValue <= 731050004 ? stepValue - 731050000 + 1 : null;
    const createdOn = parseDate(session.createdon);
    return {
        id: stringOf(session.activityid) ?? "",
        subject: stringOf(session.subject) ?? "Micro-coaching session",
        step,
        stepNumber,
        createdOn,
        followUpDue: parseDate(session.coach_followupdue),
        agreedActionItems: lines(stringOf(session.coach_actionitems)),
        // The session's work: the rep's coaching tasks created since it opened (prep task, action items).
        tasks: tasks
            .filter(task => !createdOn || !parseDate(task.createdon) || parseDate(task.createdon)!.getTime() >= createdOn.getTime())
            .map(task => taskOf(task, now)),
        commitmentsKept: numberOf(session.coach_commitmentskept),
        commitmentsMissed: numberOf(session.coach_commitmentsmissed),
        executionConcern: EXECUTION_CONCERNS[numberOf(session.coach_executionconcern) ?? -1] ?? null,
    };
}

function taskOf(task: WebApiRecord, now: Date): CoachingTask {
    const state = numberOf(task.statecode) ?? 0;
    const due = parseDate(task.scheduledend);
    return {
        subject: stringOf(task.subject) ?? "(no subject)",
        owner: stringOf(task[`_ownerid_value${FORMATTED}`]) ?? "",
        due,
        status: state === 1 ? "done" : state === 2 ? "canceled" : "open",
        overdue: state === 0 && due !== null && daysBetween(now, due) < 0,
    };
}

function splitLabel(line: string): { label: string; detail: string } {
    const colon = line.indexOf(": ");
    return colon < 0 ? { label: line, detail: "" } : { label: line.substring(0, colon), detail: line.substring(colon + 2) };
}

function lines(text: string | null | undefined): string[] {
    return (text ?? "").split(/\r?\n/).map(line => line.trim()).filter(line => line.length > 0);
}

function stringOf(value: unknown): string | null {
    return typeof value === "string" ? value : null;
}

function numberOf(value: unknown): number | null {
    return typeof value === "number" && isFinite(value) ? value : null;
}
