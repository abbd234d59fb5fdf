import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateStageGate, StageGateSettings, StageMove } from "../../CoachingPanel/src/stageGate";

// Written by a Core test from the C# StageGateRule (Tests/Coaching.Core.Tests/PanelTexts), which also holds it equal to the rule.
interface GateCase {
    name: string;
    now: string;
    settings: StageGateSettings;
    move: Omit<StageMove, "nextInteractionDate"> & { nextInteractionDate: string | null };
    allowed: boolean;
    message: string;
}

const fixture = JSON.parse(readFileSync(new URL("../fixtures/core-texts.json", import.meta.url), "utf8")) as { stageGate: GateCase[] };

describe("the stage gate port answers as the C# rule", () => {
    it("has cases that block and cases that pass", () => {
        expect(fixture.stageGate.filter(c => !c.allowed).length).toBeGreaterThan(3);
        expect(fixture.stageGate.filter(c => c.allowed).length).toBeGreaterThan(3);
    });

    it.each(fixture.stageGate.map(c => [c.name, c] as const))("%s", (_name, c) => {
        const move: StageMove = { ...c.move, nextInteractionDate: c.move.nextInteractionDate ? new Date(c.move.nextInteractionDate) : null };
        const decision = evaluateStageGate(move, c.settings, new Date(c.now));
        expect(decision).toEqual({ allowed: c.allowed, message: c.message });
    });
});
