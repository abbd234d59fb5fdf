// Records as the Web API returns them, for each state the panel has. Texts come from the fixture the C# rules
// write (test/fixtures/core-texts.json), so the panel is shown what the plugins really store.
import { readFileSync } from "node:fs";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/core-texts.json", import.meta.url), "utf8")) as {
    stageGate: { name: string; message: string }[];
    icpReasons: { text: string; status: string }[];
    reviewReasons: { text: string; timeBased: boolean }[];
};

export const NOW = "2026-11-05T10:00:00Z";
export const OPPORTUNITY_ID = "6a1e1b2c-0000-4000-8000-000000000001";
export const SALES_COACH_ROLE = "0a38f888-a796-5d71-b415-f6bfb3398ce5";
export const REP_ROLE = "7eabd9a1-9887-5761-b594-8ca15efa9ba1";
const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

export const gateMessage = (name: string) => fixture.stageGate.find(c => c.name === name)!.message;
const icpLines = (from: number, count: number) => fixture.icpReasons.slice(from, from + count).map(r => r.text).join("\n");
export const REVIEW_REASONS = fixture.reviewReasons.slice(0, 5);

const settings = [{
    defaultvalue: JSON.stringify({ stageGate: { requireGoalFromStage: "Develop", minimumGoalLength: 15, requireFutureInteractionDate: true } }),
    environmentvariabledefinition_environmentvariablevalue: [],
}];

const baseOpportunity = {
    opportunityid: OPPORTUNITY_ID, name: "Contoso renewal", statecode: 0, salesstage: 1,
    coach_icpfitscore: 100, coach_icpfitband: 731050000, coach_icpfitreasons: icpLines(0, 5),
    coach_reviewflag: false, coach_reviewreasons: null,
    coach_nextinteractiondate: "2026-11-12T15:00:00Z", coach_nextinteractiongoal: "Agree pilot scope with the CFO",
};

export interface Scenario {
    width?: number;
    now: string;
    latencyMs?: number;
    opportunityId: string | null;
    roles: string[];
    webApi?: "normal" | "pending" | "error";
    errorMessage?: string;
    data: Record<string, unknown>;
}

function scenario(opportunity: object, extra: Partial<Scenario> = {}, data: Record<string, unknown> = {}): Scenario {
    return {
        now: NOW, opportunityId: OPPORTUNITY_ID, roles: [SALES_COACH_ROLE], ...extra,
        data: { opportunity: { ...baseOpportunity, ...opportunity }, environmentvariabledefinition: settings, coach_microcoachingsession: [], task: [], role: [], ...data },
    };
}

export const openSession = {
    activityid: "5e55e55e-0000-4000-8000-000000000001", subject: "Micro-coaching: Contoso renewal", createdon: "2026-11-01T09:00:00Z",
    coach_step: 731050003, coach_actionitems: "Send the pilot plan\nBook the CFO call", coach_followupdue: "2026-11-10T09:00:00Z",
    coach_commitmentskept: 2, coach_commitmentsmissed: 1, coach_executionconcern: 731050002,
};

const tasks = [
    { subject: "Prepare for micro-coaching: Contoso renewal", createdon: "2026-11-01T09:00:00Z", statecode: 1, scheduledend: "2026-11-02T09:00:00Z", [`_ownerid_value${FORMATTED}`]: "Dana Rep" },
    { subject: "Send the pilot plan", createdon: "2026-11-03T09:00:00Z", statecode: 0, scheduledend: "2026-11-04T17:00:00Z", [`_ownerid_value${FORMATTED}`]: "Dana Rep" },
    { subject: "Book the CFO call", createdon: "2026-11-03T09:00:00Z", statecode: 0, scheduledend: "2026-11-09T17:00:00Z", [`_ownerid_value${FORMATTED}`]: "Dana Rep" },
];

export const scenarios = {
    loading: scenario({}, { webApi: "pending" }),
    newRecord: scenario({}, { opportunityId: null }),
    error: scenario({}, { webApi: "error", errorMessage: "Principal user is missing prvReadOpportunity privilege." }),
    strongFit: scenario({}),
    unknownCriteria: scenario({ coach_icpfitscore: 40, coach_icpfitband: 731050001, coach_icpfitreasons: icpLines(5, 5) }),
    notEnoughData: scenario({ coach_icpfitscore: null, coach_icpfitband: 731050003, coach_icpfitreasons: icpLines(21, 6) }),
    flagged: scenario({
        name: "Fabrikam expansion", salesstage: 0, coach_icpfitscore: 20, coach_icpfitband: 731050002, coach_icpfitreasons: icpLines(10, 5),
        coach_reviewflag: true, coach_reviewreasons: REVIEW_REASONS.map(r => r.text).join("\n"),
        coach_nextinteractiondate: null, coach_nextinteractiongoal: null,
    }),
    gateBlocked: scenario({ coach_nextinteractiondate: null, coach_nextinteractiongoal: null }),
    sessionManager: scenario({}, {}, { coach_microcoachingsession: [openSession], task: tasks }),
    rep: scenario({}, { roles: [REP_ROLE] }),
    repWithSession: scenario({}, { roles: [REP_ROLE] }, { coach_microcoachingsession: [openSession], task: tasks }),
};

export function withWidth(s: Scenario, width: number): Scenario {
    return { ...s, width };
}
