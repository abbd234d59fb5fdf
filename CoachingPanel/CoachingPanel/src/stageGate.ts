// A port of Plugins/Coaching.Core/StageGate (NextInteractionReadiness and StageGateRule) so the panel can say,
// before the rep tries, whether a forward stage move would pass the gate, in the gate's own words.
// test/stageGate.test.ts holds the texts equal to the C# rule through a fixture that a Core test writes.

import { formatDate } from "./format";

/** opportunity.salesstage, in pipeline order (Coaching.Core.Opportunities.SalesStage). */
export const SALES_STAGES = ["Qualify", "Develop", "Propose", "Close"] as const;
export type SalesStageName = (typeof SALES_STAGES)[number];

/** coach_CoachingSettings.stageGate (Coaching.Core.Settings.StageGateSettings). */
export interface StageGateSettings {
    requireGoalFromStage: SalesStageName;
    minimumGoalLength: number;
    requireFutureInteractionDate: boolean;
}

export interface StageGateDecision {
    allowed: boolean;
    /** What the rep must fill in; empty when allowed. */
    message: string;
}

/** A requested stage change (Coaching.Core.StageGate.StageMove). */
export interface StageMove {
    opportunityName?: string | null;
    fromStageIndex?: number | null;
    toStageIndex?: number | null;
    toStageName?: string | null;
    isForward: boolean;
    nextInteractionGoal?: string | null;
    nextInteractionDate?: Date | null;
    isClose?: boolean;
}

const FILL_IN = "fill in ";

/** What the rep still has to fill in, one phrase each; empty when ready (NextInteractionReadiness.Missing). */
export function missingForNextInteraction(
    goal: string | null | undefined,
    date: Date | null | undefined,
    dateRequired: boolean,
    settings: StageGateSettings,
    now: Date,
): string[] {
    const missing: string[] = [];
    const trimmed = (goal ?? "").trim();
    if (trimmed.length < settings.minimumGoalLength) {
        const rule = `at least ${settings.minimumGoalLength} characters`;
        missing.push(`${FILL_IN}Next interaction goal (${rule}${trimmed.length === 0 ? "" : `; it has ${trimmed.length}`})`);
    }

    if (!dateRequired) {
        return missing;
    }

    if (!date) {
        missing.push(settings.requireFutureInteractionDate ? `${FILL_IN}a Next interaction date in the future` : `${FILL_IN}a Next interaction date`);
    } else if (settings.requireFutureInteractionDate && date.getTime() <= now.getTime()) {
        missing.push(`set Next interaction date to a date in the future (it is ${formatDate(date)})`);
    }

    return missing;
}

/** "fill in A and B": the phrases joined without repeating "fill in" (NextInteractionReadiness.Join). */
export function joinMissing(missing: readonly string[]): string {
    if (missing.length === 0) {
        throw new Error("Nothing is missing.");
    }

    let what = missing[0];
    for (let i = 1; i < missing.length; i++) {
        let next = missing[i];
        if (what.startsWith(FILL_IN) && next.startsWith(FILL_IN)) {
            next = next.substring(FILL_IN.length);
        }

        what += " and " + next;
    }

    return what;
}

/** StageGateRule.Evaluate. */
export function evaluateStageGate(move: StageMove, settings: StageGateSettings, now: Date): StageGateDecision {
    if (!move.isForward || move.isClose || isBeforeGate(move, settings.requireGoalFromStage)) {
        return { allowed: true, message: "" };
    }

    const missing = missingForNextInteraction(
        move.nextInteractionGoal, move.nextInteractionDate, settings.requireFutureInteractionDate, settings, now);
    return missing.length === 0 ? { allowed: true, message: "" } : { allowed: false, message: gateMessage(move, missing) };
}

/** The forward move the rep would make next from salesstage <paramref name="stageIndex"/>; null when none is gated (Close). */
export function nextForwardMove(
    opportunityName: string | null | undefined,
    stageIndex: number,
    goal: string | null | undefined,
    date: Date | null | undefined,
): StageMove | null {
    const to = stageIndex + 1;
    if (stageIndex < 0 || to >= SALES_STAGES.length) {
        return null;
    }

    return {
        opportunityName,
        fromStageIndex: stageIndex,
        toStageIndex: to,
        toStageName: SALES_STAGES[to],
        isForward: true,
        nextInteractionGoal: goal,
        nextInteractionDate: date,
    };
}

/** SalesStages.TryParse: case-insensitive, also "2-Develop" (a leading number and '-', '.' or ' ' are ignored). */
export function parseSalesStage(text: string | null | undefined): number | null {
    if (text == null) {
        return null;
    }

    let name = text.trim();
    let i = 0;
    while (i < name.length && name[i] >= "0" && name[i] <= "9") {
        i++;
    }

    if (i > 0) {
        while (i < name.length && (name[i] === "-" || name[i] === "." || name[i] === " ")) {
            i++;
        }

        name = name.substring(i);
    }

    const index = SALES_STAGES.findIndex(stage => stage.toLowerCase() === name.toLowerCase());
    return index < 0 ? null : index;
}

function isBeforeGate(move: StageMove, gate: SalesStageName): boolean {
    let target = move.toStageIndex ?? null;
    if (target === null) {
        target = parseSalesStage(move.toStageName);
    }

    return target !== null && target < SALES_STAGES.indexOf(gate);
}

// "Before moving 'X' to Y, <what> and <what>."
function gateMessage(move: StageMove, missing: readonly string[]): string {
    const name = isBlank(move.opportunityName) ? "this opportunity" : `'${move.opportunityName!.trim()}'`;
    return `Before moving ${name} to ${stageName(move)}, ${joinMissing(missing)}.`;
}

function stageName(move: StageMove): string {
    if (!isBlank(move.toStageName)) {
        return move.toStageName!.trim();
    }

    const index = move.toStageIndex;
    return index != null && index >= 0 && index < SALES_STAGES.length ? SALES_STAGES[index] : "the next stage";
}

function isBlank(text: string | null | undefined): boolean {
    return text == null || text.trim().length === 0;
}
