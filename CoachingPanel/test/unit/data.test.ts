import { describe, expect, it } from "vitest";
import { loadCoaching, SALES_COACH_ROLE_ID, startMicroCoaching, WebApiReader } from "../../CoachingPanel/src/data";

const opportunityId = "{6A1E1B2C-0000-4000-8000-000000000001}";
const now = new Date("2026-11-05T10:00:00Z");

function fakeApi(overrides: Partial<Record<string, () => Promise<unknown>>> = {}): WebApiReader & { calls: string[] } {
    const calls: string[] = [];
    return {
        calls,
        retrieveRecord: async (entity, id, options) => {
            calls.push(`${entity}(${id})${options}`);
            return (overrides.opportunity?.() ?? { name: "Contoso", statecode: 0, salesstage: 1 }) as Record<string, unknown>;
        },
        retrieveMultipleRecords: async (entity, options) => {
            calls.push(`${entity}${options}`);
            const result = overrides[entity]?.() ?? { entities: [] };
            return (await result) as { entities: Record<string, unknown>[] };
        },
    };
}

describe("loading", () => {
    it("reads the current record, its open session, its coaching tasks and the settings", async () => {
        const api = fakeApi();
        await loadCoaching(api, opportunityId, [], now);
        const id = "6a1e1b2c-0000-4000-8000-000000000001";
        expect(api.calls).toContain(`opportunity(${id})?$select=name,statecode,salesstage,coach_icpfitscore,coach_icpfitband,coach_icpfitreasons,coach_reviewflag,coach_reviewreasons,coach_nextinteractiondate,coach_nextinteractiongoal`);
        expect(api.calls.find(c => c.startsWith("coach_microcoachingsession"))).toContain(`$filter=_regardingobjectid_value eq ${id} and statecode eq 0`);
        expect(api.calls.find(c => c.startsWith("task"))).toContain(`$filter=_regardingobjectid_value eq ${id} and category eq 'Micro-coaching'`);
        expect(api.calls.find(c => c.startsWith("environmentvariabledefinition"))).toContain("schemaname eq 'coach_CoachingSettings'");
    });

    it("recognises a manager by the Sales Coach role or a business unit's copy of it", async () => {
        expect((await loadCoaching(fakeApi(), opportunityId, [`{${SALES_COACH_ROLE_ID.toUpperCase()}}`], now)).isManager).toBe(true);
        const copy = fakeApi({ role: async () => ({ entities: [{ roleid: "11111111-0000-0000-0000-000000000000" }] }) });
        expect((await loadCoaching(copy, opportunityId, ["11111111-0000-0000-0000-000000000000"], now)).isManager).toBe(true);
        expect(copy.calls.find(c => c.startsWith("role"))).toContain(`_parentrootroleid_value eq ${SALES_COACH_ROLE_ID} and (roleid eq 11111111-0000-0000-0000-000000000000)`);
        expect((await loadCoaching(fakeApi(), opportunityId, ["22222222-0000-0000-0000-000000000000"], now)).isManager).toBe(false);
    });

    it("fails when the opportunity cannot be read", async () => {
        const api = fakeApi({ opportunity: () => Promise.reject(new Error("Principal user is missing prvReadOpportunity privilege")) });
        await expect(loadCoaching(api, opportunityId, [], now)).rejects.toThrow("prvReadOpportunity");
    });
});

describe("Start micro-coaching", () => {
    function recordingFetch(status: number, body: unknown) {
        const requests: { url: string; init: RequestInit }[] = [];
        const fn = (async (url: string, init: RequestInit) => {
            requests.push({ url, init });
            return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
        }) as unknown as typeof fetch;
        return { fn, requests };
    }

    it("POSTs the bound custom API on the opportunity", async () => {
        const { fn, requests } = recordingFetch(200, { Created: true, Message: "Micro-coaching session started; the rep has a task to prepare for it.", Session: { activityid: "s1" } });
        const outcome = await startMicroCoaching(fn, "https://contoso.crm.dynamics.com/", opportunityId);
        expect(requests).toHaveLength(1);
        expect(requests[0].url).toBe("https://contoso.crm.dynamics.com/api/data/v9.2/opportunities(6a1e1b2c-0000-4000-8000-000000000001)/Microsoft.Dynamics.CRM.coach_StartMicroCoaching");
        expect(requests[0].init.method).toBe("POST");
        expect(requests[0].init.body).toBe("{}");
        expect(outcome).toEqual({ kind: "started", message: "Micro-coaching session started; the rep has a task to prepare for it.", sessionId: "s1" });
    });

    it("reports Created false as a refusal with the API's reason", async () => {
        const { fn } = recordingFetch(200, { Created: false, Message: "A micro-coaching session for this opportunity was created on 2026-11-02, within the last 7 days.", Session: { activityid: "s0" } });
        expect(await startMicroCoaching(fn, "", opportunityId)).toEqual({
            kind: "refused", message: "A micro-coaching session for this opportunity was created on 2026-11-02, within the last 7 days.", sessionId: "s0",
        });
    });

    it("reports an error response with the plugin's message", async () => {
        const { fn } = recordingFetch(400, { error: { code: "0x80040265", message: "'Contoso' is won: micro-coaching is for open opportunities. Reopen it to coach on it." } });
        expect(await startMicroCoaching(fn, "", opportunityId)).toEqual({
            kind: "failed", message: "'Contoso' is won: micro-coaching is for open opportunities. Reopen it to coach on it.",
        });
    });
});
