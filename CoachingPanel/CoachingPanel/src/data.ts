// Everything the panel reads, through the PCF Web API for the current opportunity, and the one thing it
// does: coach_StartMicroCoaching. Four reads in parallel; the role check and the settings never fail the panel.

import { buildView, CoachingView, WebApiRecord } from "./model";
import { readStageGateSettings, SETTINGS_VARIABLE } from "./settings";
import { StageGateSettings } from "./stageGate";

/** The part of ComponentFramework.WebApi the panel uses. */
export interface WebApiReader {
    retrieveRecord(entityType: string, id: string, options?: string): Promise<WebApiRecord>;
    retrieveMultipleRecords(entityType: string, options?: string, maxPageSize?: number): Promise<{ entities: WebApiRecord[] }>;
}

/** Sales Coach (Solution/src/Roles/Sales Coach.xml); copies in other business units name it as their root role. */
export const SALES_COACH_ROLE_ID = "0a38f888-a796-5d71-b415-f6bfb3398ce5";

export const OPPORTUNITY_COLUMNS = [
    "name", "statecode", "salesstage", "coach_icpfitscore", "coach_icpfitband", "coach_icpfitreasons", "coach_reviewflag",
    "coach_reviewreasons", "coach_nextinteractiondate", "coach_nextinteractiongoal",
];

export const SESSION_COLUMNS = [
    "activityid", "subject", "createdon", "coach_step", "coach_actionitems", "coach_followupdue", "coach_commitmentskept",
    "coach_commitmentsmissed", "coach_executionconcern",
];

export const TASK_COLUMNS = ["subject", "scheduledend", "statecode", "createdon", "_ownerid_value"];

/** Coaching tasks (Coaching.Plugins.Schema.TaskTable.CoachingCategory). */
export const COACHING_TASK_CATEGORY = "Micro-coaching";

export async function loadCoaching(api: WebApiReader, opportunityId: string, userRoleIds: readonly string[], now: Date): Promise<CoachingView> {
    const id = bareGuid(opportunityId);
    const [opportunity, sessions, tasks, settings, isManager] = await Promise.all([
        api.retrieveRecord("opportunity", id, `?$select=${OPPORTUNITY_COLUMNS.join(",")}`),
        api.retrieveMultipleRecords("coach_microcoachingsession",
            `?$select=${SESSION_COLUMNS.join(",")}&$filter=_regardingobjectid_value eq ${id} and statecode eq 0&$orderby=createdon desc&$top=1`),
        api.retrieveMultipleRecords("task",
            `?$select=${TASK_COLUMNS.join(",")}&$filter=_regardingobjectid_value eq ${id} and category eq '${COACHING_TASK_CATEGORY}'` +
            `&$orderby=scheduledend asc&$top=20`),
        loadStageGateSettings(api),
        hasSalesCoachRole(api, userRoleIds),
    ]);
    return buildView({ opportunity, session: sessions.entities[0] ?? null, tasks: tasks.entities, settings, isManager, now });
}

async function loadStageGateSettings(api: WebApiReader): Promise<StageGateSettings | Error> {
    try {
        const result = await api.retrieveMultipleRecords("environmentvariabledefinition",
            `?$select=defaultvalue&$filter=schemaname eq '${SETTINGS_VARIABLE}'` +
            "&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)");
        const definition = result.entities[0];
        if (!definition) return new Error(`${SETTINGS_VARIABLE} is not in this environment`);
        const values = definition.environmentvariabledefinition_environmentvariablevalue;
        const current = Array.isArray(values) && values.length > 0 ? (values[0] as WebApiRecord).value : null;
        return readStageGateSettings(asText(definition.defaultvalue), asText(current));
    } catch (error) {
        return new Error(`${SETTINGS_VARIABLE} could not be read: ${messageOf(error)}`);
    }
}

// A rep without read access to roles simply sees no Start button; the API checks privileges itself.
async function hasSalesCoachRole(api: WebApiReader, userRoleIds: readonly string[]): Promise<boolean> {
    const ids = userRoleIds.map(bareGuid).filter(id => id.length > 0);
    if (ids.some(id => id === SALES_COACH_ROLE_ID)) return true;
    if (ids.length === 0) return false;
    try {
        const result = await api.retrieveMultipleRecords("role",
            `?$select=roleid&$filter=_parentrootroleid_value eq ${SALES_COACH_ROLE_ID} and (${ids.map(id => `roleid eq ${id}`).join(" or ")})&$top=1`);
        return result.entities.length > 0;
    } catch {
        return false;
    }
}

export type StartOutcome =
    | { kind: "started"; message: string; sessionId: string | null }
    | { kind: "refused"; message: string; sessionId: string | null }
    | { kind: "failed"; message: string };

/** The Web API path of the bound custom API (bindingtype 1, opportunity; no request parameters). */
export function startMicroCoachingUrl(clientUrl: string, opportunityId: string): string {
    return `${clientUrl.replace(/\/+$/, "")}/api/data/v9.2/opportunities(${bareGuid(opportunityId)})/Microsoft.Dynamics.CRM.coach_StartMicroCoaching`;
}

/**
 * POSTs coach_StartMicroCoaching. Created false is the API's answer that a session already exists (a refusal with
 * its reason); an error response (a closed deal, manual starts switched off, no privilege) carries its message.
 */
export async function startMicroCoaching(fetchFn: typeof fetch, clientUrl: string, opportunityId: string): Promise<StartOutcome> {
    let response: Response;
    try {
        response = await fetchFn(startMicroCoachingUrl(clientUrl, opportunityId), {
            method: "POST",
            credentials: "same-origin",
            headers: {
                "Accept": "application/json",
                "Content-Type": "application/json; charset=utf-8",
                "OData-MaxVersion": "4.0",
                "OData-Version": "4.0",
            },
            body: "{}",
        });
    } catch (error) {
        return { kind: "failed", message: `Could not reach Dataverse: ${messageOf(error)}` };
    }

    const body = await response.text();
    let json: WebApiRecord = {};
    try {
        json = body ? (JSON.parse(body) as WebApiRecord) : {};
    } catch {
        // Not JSON (a gateway page): the status says enough.
    }

    if (!response.ok) {
        const error = json.error as WebApiRecord | undefined;
        const message = typeof error?.message === "string" && error.message ? error.message : `The request failed (HTTP ${response.status}).`;
        return { kind: "failed", message };
    }

    const session = json.Session as WebApiRecord | undefined;
    const sessionId = typeof session?.activityid === "string" ? session.activityid : null;
    const message = typeof json.Message === "string" ? json.Message : "";
    return json.Created === true ? { kind: "started", message, sessionId } : { kind: "refused", message, sessionId };
}

export function bareGuid(id: string): string {
    return id.replace(/[{}]/g, "").toLowerCase();
}

export function messageOf(error: unknown): string {
    if (error instanceof Error) return error.message;
    if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") {
        return (error as { message: string }).message;
    }
    return String(error);
}

function asText(value: unknown): string | null {
    return typeof value === "string" ? value : null;
}
