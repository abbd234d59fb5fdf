import { describe, expect, it } from "vitest";
import { readStageGateSettings } from "../../CoachingPanel/src/settings";

const shipped = JSON.stringify({ icp: {}, stageGate: { requireGoalFromStage: "Develop", minimumGoalLength: 15, requireFutureInteractionDate: true } });

describe("stage gate settings", () => {
    it("are the shipped default when the environment sets no value", () => {
        expect(readStageGateSettings(shipped, null)).toEqual({ requireGoalFromStage: "Develop", minimumGoalLength: 15, requireFutureInteractionDate: true });
    });

    it("take the current value's keys over the default's", () => {
        expect(readStageGateSettings(shipped, '{ "stageGate": { "minimumGoalLength": 30, "requireGoalFromStage": "propose" } }'))
            .toEqual({ requireGoalFromStage: "Propose", minimumGoalLength: 30, requireFutureInteractionDate: true });
    });

    it("report a value the plugins would reject instead of using other rules", () => {
        expect(readStageGateSettings(shipped, "{ not json")).toEqual(new Error("coach_CoachingSettings: the current value is not valid JSON"));
        expect((readStageGateSettings(shipped, '{ "stageGate": { "minimumGoalLength": 0 } }') as Error).message)
            .toBe("coach_CoachingSettings: stageGate.minimumGoalLength: expected a whole number from 1 to 1000");
        expect((readStageGateSettings(shipped, '{ "stageGate": { "requireGoalFromStage": "Negotiate" } }') as Error).message)
            .toBe("coach_CoachingSettings: stageGate.requireGoalFromStage: expected one of Qualify, Develop, Propose, Close");
    });
});
