// The panel's DOM, rebuilt from state on every change (a few dozen nodes: no framework needed).
// Status is never carried by colour alone: every mark has a word (visible or for screen readers).

import { StartOutcome } from "./data";
import { formatDate, relativeDays } from "./format";
import { CoachingTask, CoachingView, CriterionStatus, GateView, IcpCriterion, OpenSession, ReviewReason } from "./model";

export type StartState = { kind: "running" } | StartOutcome;

export type PanelState =
    | { kind: "loading" }
    | { kind: "new-record" }
    | { kind: "error"; message: string }
    | { kind: "ready"; view: CoachingView; start: StartState | null; now: Date };

export interface PanelActions {
    retry(): void;
    start(): void;
    openSession(id: string): void;
}

type Child = Node | string | null | undefined | false;

function el(tag: string, attrs: Record<string, string | null | undefined> = {}, ...children: Child[]): HTMLElement {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (value != null) node.setAttribute(name, value);
    }
    for (const child of children) {
        if (child === null || child === undefined || child === false) continue;
        node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

// 16 px line icons drawn with currentColor, so they follow forced colours.
const ICONS: Record<string, string> = {
    met: "M3.5 8.5l3 3 6-7",
    missed: "M4 4l8 8M12 4l-8 8",
    unknown: "M6 6a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.2v.5M8 11.5v.5",
    note: "M8 4.5v4.5M8 11v.5",
    clock: "M8 4.5V8l2.5 1.5",
    flag: "M4 14V2.5h7l-1.5 3 1.5 3H4",
    warning: "M8 2l6.5 11.5h-13zM8 6.5v3.5M8 11.8v.2",
    calendar: "M2.5 4h11v9.5h-11zM2.5 7h11M5.5 2.5v3M10.5 2.5v3",
};

function icon(name: string, circled = false): SVGElement {
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("class", `cp-icon cp-icon--${name}`);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    if (circled) {
        const circle = document.createElementNS(SVG_NS, "circle");
        circle.setAttribute("cx", "8");
        circle.setAttribute("cy", "8");
        circle.setAttribute("r", "6.5");
        svg.append(circle);
    }
    const path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", ICONS[name]);
    svg.append(path);
    return svg;
}

function srOnly(text: string): HTMLElement {
    return el("span", { class: "cp-sr" }, text);
}

/** Renders `state` into `content`; ids are prefixed with `idPrefix` so two panels on one form never clash. */
export function renderPanel(content: HTMLElement, state: PanelState, actions: PanelActions, idPrefix: string): void {
    content.replaceChildren();
    content.removeAttribute("aria-busy");
    switch (state.kind) {
        case "loading":
            content.setAttribute("aria-busy", "true");
            content.append(
                el("p", { class: "cp-state cp-state--loading", "data-state": "loading" }, "Loading coaching for this opportunity…"),
                ...[0, 1, 2].map(() => el("div", { class: "cp-skeleton", "aria-hidden": "true" }, el("div"), el("div"), el("div"))));
            return;
        case "new-record":
            content.append(el("div", { class: "cp-state cp-state--empty", "data-state": "empty" },
                icon("note", true),
                el("div", {},
                    el("p", { class: "cp-state-title" }, "No coaching yet"),
                    el("p", {}, "Save this opportunity: its ICP fit, pipeline-meeting flag and micro-coaching appear here."))));
            return;
        case "error":
            content.append(el("div", { class: "cp-state cp-state--error", role: "alert", "data-state": "error" },
                icon("warning"),
                el("div", {},
                    el("p", { class: "cp-state-title" }, "Couldn't load coaching for this opportunity"),
                    el("p", { class: "cp-state-detail" }, state.message),
                    button("Try again", "secondary", actions.retry, "retry"))));
            return;
        case "ready":
            content.setAttribute("data-state", "ready");
            content.append(
                icpSection(state.view, idPrefix),
                reviewSection(state.view, idPrefix),
                nextSection(state.view, state.now, idPrefix),
                sessionSection(state.view, state.start, state.now, actions, idPrefix));
            return;
    }
}

function section(idPrefix: string, key: string, title: string, ...children: Child[]): HTMLElement {
    const headingId = `${idPrefix}-${key}`;
    return el("section", { class: `cp-section cp-section--${key}`, "aria-labelledby": headingId, "data-section": key },
        el("h3", { id: headingId, class: "cp-heading" }, title),
        ...children);
}

function button(label: string, kind: "primary" | "secondary", onClick: () => void, focusKey: string, disabled = false): HTMLButtonElement {
    const node = el("button", { type: "button", class: `cp-button cp-button--${kind}`, "data-focus-key": focusKey }, label) as HTMLButtonElement;
    node.disabled = disabled;
    node.addEventListener("click", onClick);
    return node;
}

const CRITERION_WORDS: Record<CriterionStatus, string> = { met: "Met", missed: "Not met", unknown: "Unknown", note: "Note" };

function icpSection(view: CoachingView, idPrefix: string): HTMLElement {
    const { score, band, criteria } = view.icp;
    const summary = el("p", { class: "cp-summary" },
        el("span", { class: score === null ? "cp-score cp-score--none" : "cp-score", "data-testid": "icp-score" }, score === null ? "No score" : String(score)),
        el("span", { class: "cp-score-max" }, score === null ? "" : "/ 100"),
        el("span", { class: `cp-badge cp-badge--band-${band.toLowerCase().replace(/\s+/g, "-")}`, "data-testid": "icp-band" },
            srOnly("Band: "), band));
    if (criteria.length === 0) {
        return section(idPrefix, "icp", "ICP fit", summary,
            el("p", { class: "cp-muted" }, "Not scored yet: link an account and save the opportunity."));
    }
    return section(idPrefix, "icp", "ICP fit", summary,
        el("ul", { class: "cp-list cp-criteria", "aria-label": "ICP criteria" }, ...criteria.map(criterionItem)));
}

function criterionItem(criterion: IcpCriterion): HTMLElement {
    const unknown = criterion.status === "unknown";
    return el("li", { class: `cp-item cp-criterion cp-criterion--${criterion.status}`, "data-status": criterion.status },
        icon(criterion.status, criterion.status !== "met" && criterion.status !== "missed"),
        el("span", { class: "cp-item-text" },
            srOnly(`${CRITERION_WORDS[criterion.status]}: `),
            el("span", { class: "cp-item-label" }, criterion.label),
            criterion.detail ? `: ${unknown ? "unknown (no data yet)" : criterion.detail}` : ""),
        criterion.points ? el("span", { class: "cp-points", title: "points" }, criterion.points) : null);
}

function reviewSection(view: CoachingView, idPrefix: string): HTMLElement {
    const { flagged, reasons } = view.review;
    const status = flagged
        ? el("p", { class: "cp-summary" }, el("span", { class: "cp-badge cp-badge--warning", "data-testid": "review-flag" }, icon("flag"), "Review in pipeline meeting"))
        : el("p", { class: "cp-summary" }, el("span", { class: "cp-badge cp-badge--neutral", "data-testid": "review-flag" }, "Not flagged for the pipeline meeting"));
    if (!flagged) return section(idPrefix, "review", "Pipeline meeting", status);
    const anyTimeBased = reasons.some(reason => reason.timeBased);
    return section(idPrefix, "review", "Pipeline meeting", status,
        el("ul", { class: "cp-list cp-reasons", "aria-label": "Why it is flagged" }, ...reasons.map(reasonItem)),
        anyTimeBased ? el("p", { class: "cp-footnote" }, icon("clock", true), "Time-based reasons come from today's date: they hold without any change to the deal.") : null);
}

function reasonItem(reason: ReviewReason): HTMLElement {
    return el("li", { class: `cp-item cp-reason${reason.timeBased ? " cp-reason--time" : ""}`, "data-time-based": String(reason.timeBased) },
        reason.timeBased ? icon("clock", true) : el("span", { class: "cp-bullet", "aria-hidden": "true" }),
        el("span", { class: "cp-item-text" },
            el("span", { class: "cp-item-label" }, reason.label),
            reason.detail ? `: ${reason.detail}` : ""),
        reason.timeBased ? el("span", { class: "cp-tag" }, "time-based") : null);
}

function nextSection(view: CoachingView, now: Date, idPrefix: string): HTMLElement {
    const { date, goal, gate } = view.next;
    return section(idPrefix, "next", "Next interaction",
        el("dl", { class: "cp-facts" },
            el("dt", {}, "Date"),
            el("dd", { "data-testid": "next-date" }, date ? `${formatDate(date)} (${relativeDays(date, now)})` : el("span", { class: "cp-muted" }, "Not set")),
            el("dt", {}, "Goal"),
            el("dd", { "data-testid": "next-goal" }, goal ? goal : el("span", { class: "cp-muted" }, "Not set"))),
        gateBox(gate));
}

function gateBox(gate: GateView): HTMLElement {
    switch (gate.kind) {
        case "decision":
            return gate.decision.allowed
                ? el("p", { class: "cp-gate cp-gate--pass", "data-testid": "gate", "data-gate": "pass" }, icon("met", true),
                    el("span", {}, `Stage gate: a move to ${gate.toStage} would pass.`))
                : el("div", { class: "cp-gate cp-gate--blocked", "data-testid": "gate", "data-gate": "blocked" }, icon("warning"),
                    el("div", {},
                        el("p", { class: "cp-gate-title" }, `Stage gate: a move to ${gate.toStage} would be blocked`),
                        el("p", { class: "cp-gate-message" }, gate.decision.message)));
        case "no-forward-move":
            return el("p", { class: "cp-gate cp-gate--none", "data-testid": "gate", "data-gate": "none" }, gate.reason);
        case "settings-unreadable":
            return el("p", { class: "cp-gate cp-gate--unknown", "data-testid": "gate", "data-gate": "unknown" }, icon("unknown", true),
                el("span", {}, `Stage gate: can't tell (${gate.reason}).`));
    }
}

function sessionSection(view: CoachingView, start: StartState | null, now: Date, actions: PanelActions, idPrefix: string): HTMLElement {
    const session = view.session;
    const canStart = view.isManager && view.isOpen && !session;
    return section(idPrefix, "session", "Micro-coaching session",
        session ? sessionBody(session, now, actions) : el("p", { class: "cp-muted", "data-testid": "no-session" }, "No open micro-coaching session."),
        canStart ? el("div", { class: "cp-actions" },
            button(start?.kind === "running" ? "Starting…" : "Start micro-coaching", "primary", actions.start, "start", start?.kind === "running")) : null,
        start && start.kind !== "running" ? startResult(start, actions) : null);
}

function sessionBody(session: OpenSession, now: Date, actions: PanelActions): HTMLElement {
    const body = el("div", { class: "cp-session" });
    const stepText = session.stepNumber ? `Step ${session.stepNumber} of 5: ${session.step}` : session.step;
    body.append(
        el("p", { class: "cp-session-title" }, session.subject),
        el("div", { class: "cp-steps" },
            el("span", { class: "cp-steps-bar", "aria-hidden": "true" },
                ...[1, 2, 3, 4, 5].map(n => el("span", { class: session.stepNumber !== null && n <= session.stepNumber ? "cp-step cp-step--done" : "cp-step" }))),
            el("span", { "data-testid": "session-step" }, stepText)),
        el("dl", { class: "cp-facts" },
            session.createdOn ? el("dt", {}, "Opened") : null,
            session.createdOn ? el("dd", {}, formatDate(session.createdOn)) : null,
            session.followUpDue ? el("dt", {}, "Follow-up") : null,
            session.followUpDue ? el("dd", {}, `${formatDate(session.followUpDue)} (${relativeDays(session.followUpDue, now)})`) : null,
            el("dt", {}, "Commitments"),
            el("dd", { "data-testid": "commitments" }, commitments(session))));
    if (session.executionConcern) {
        body.append(el("p", { class: "cp-concern", "data-testid": "execution-concern" }, icon("warning"),
            session.executionConcern === "will"
                ? "Execution concern (will): agreed actions were missed in two sessions in a row."
                : "Execution concern (skill): the rep needs coaching on how to do it."));
    }
    body.append(el("h4", { class: "cp-subheading" }, "Action items"), actionItems(session, now));
    body.append(el("div", { class: "cp-actions" }, button("Open session", "secondary", () => actions.openSession(session.id), "open-session")));
    return body;
}

function commitments(session: OpenSession): string {
    if (session.commitmentsKept === null && session.commitmentsMissed === null) return "No earlier session to check";
    return `${session.commitmentsKept ?? 0} kept, ${session.commitmentsMissed ?? 0} missed`;
}

function actionItems(session: OpenSession, now: Date): HTMLElement {
    if (session.tasks.length > 0) {
        return el("ul", { class: "cp-list cp-tasks", "aria-label": "Action items" }, ...session.tasks.map(task => taskItem(task, now)));
    }
    if (session.agreedActionItems.length > 0) {
        return el("ul", { class: "cp-list cp-tasks", "aria-label": "Action items" },
            ...session.agreedActionItems.map(item => el("li", { class: "cp-item cp-task" }, el("span", { class: "cp-bullet", "aria-hidden": "true" }), el("span", { class: "cp-item-text" }, item))));
    }
    return el("p", { class: "cp-muted" }, "None yet: they are agreed in the Assign next steps step.");
}

function taskItem(task: CoachingTask, now: Date): HTMLElement {
    const status = task.status === "done" ? "Done" : task.status === "canceled" ? "Canceled" : task.overdue ? "Overdue" : "Open";
    return el("li", { class: `cp-item cp-task cp-task--${status.toLowerCase()}` },
        icon(task.status === "done" ? "met" : task.overdue ? "warning" : "calendar"),
        el("span", { class: "cp-item-text" },
            el("span", { class: "cp-task-subject" }, task.subject),
            el("span", { class: "cp-task-meta" },
                [task.owner, task.due ? `due ${formatDate(task.due)}${task.status === "open" ? ` (${relativeDays(task.due, now)})` : ""}` : "no due date"]
                    .filter(part => part).join(" · "))),
        el("span", { class: `cp-tag cp-tag--${status.toLowerCase()}` }, status));
}

function startResult(outcome: StartOutcome, actions: PanelActions): HTMLElement {
    const kinds = {
        started: { cls: "success", title: "Session started", icon: "met" },
        refused: { cls: "warning", title: "No new session", icon: "note" },
        failed: { cls: "error", title: "Could not start micro-coaching", icon: "warning" },
    } as const;
    const kind = kinds[outcome.kind];
    return el("div", { class: `cp-result cp-result--${kind.cls}`, "data-testid": "start-result", "data-outcome": outcome.kind, tabindex: "-1", "data-focus-key": "start-result" },
        icon(kind.icon, outcome.kind !== "failed"),
        el("div", {},
            el("p", { class: "cp-result-title" }, kind.title),
            outcome.message ? el("p", {}, outcome.message) : null,
            // A refusal names the session that made a new one unnecessary: open it from here.
            outcome.kind === "refused" && outcome.sessionId
                ? el("div", { class: "cp-actions" }, button("Open that session", "secondary", () => actions.openSession(outcome.sessionId!), "open-existing"))
                : null));
}
