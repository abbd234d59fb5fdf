// The stage gate part of coach_CoachingSettings, read the way the plugins read it: the current value's keys
// over the shipped default value's. Settings the plugins would reject are reported, never replaced by
// other rules (Coaching.Core.Settings.CoachingSettingsParser).

import { SALES_STAGES, SalesStageName, StageGateSettings } from "./stageGate";

export const SETTINGS_VARIABLE = "coach_CoachingSettings";

/** The gate settings from the variable's default and current value (either may be null). */
export function readStageGateSettings(defaultValue: string | null, currentValue: string | null): StageGateSettings | Error {
    try {
        const base = stageGateObject(defaultValue, "default value");
        const current = stageGateObject(currentValue, "current value");
        const merged = { ...base, ...current };
        return {
            requireGoalFromStage: stageName(merged.requireGoalFromStage),
            minimumGoalLength: whole(merged.minimumGoalLength, "minimumGoalLength", 1, 1000),
            requireFutureInteractionDate: bool(merged.requireFutureInteractionDate, "requireFutureInteractionDate"),
        };
    } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
    }
}

function stageGateObject(json: string | null, which: string): Record<string, unknown> {
    if (json == null || json.trim().length === 0) return {};
    let root: unknown;
    try {
        root = JSON.parse(json);
    } catch {
        throw new Error(`${SETTINGS_VARIABLE}: the ${which} is not valid JSON`);
    }
    if (typeof root !== "object" || root === null || Array.isArray(root)) throw new Error(`${SETTINGS_VARIABLE}: expected a JSON object`);
    const gate = (root as Record<string, unknown>).stageGate;
    if (gate === undefined) return {};
    if (typeof gate !== "object" || gate === null || Array.isArray(gate)) throw new Error(`${SETTINGS_VARIABLE}: stageGate: expected an object`);
    return gate as Record<string, unknown>;
}

function stageName(value: unknown): SalesStageName {
    const match = SALES_STAGES.find(stage => typeof value === "string" && stage.toLowerCase() === value.trim().toLowerCase());
    if (!match) throw new Error(`${SETTINGS_VARIABLE}: stageGate.requireGoalFromStage: expected one of ${SALES_STAGES.join(", ")}`);
    return match;
}

function whole(value: unknown, key: string, min: number, max: number): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        throw new Error(`${SETTINGS_VARIABLE}: stageGate.${key}: expected a whole number from ${min} to ${max}`);
    }
    return value;
}

function bool(value: unknown, key: string): boolean {
    if (typeof value !== "boolean") throw new Error(`${SETTINGS_VARIABLE}: stageGate.${key}: expected true or false`);
    return value;
}
