import { IInputs, IOutputs } from "./generated/ManifestTypes";
import { bareGuid, loadCoaching, messageOf, startMicroCoaching } from "./src/data";
import { PanelState, renderPanel } from "./src/view";

// Members model-driven forms provide but the PCF typings leave out: the record's id and the org URL.
interface FormContext {
    mode: { contextInfo?: { entityId?: string; entityTypeName?: string } };
    page?: { getClientUrl?: () => string };
}

// Changes that only resize or re-style the control; anything else (a save, a refresh) re-reads the record.
const LAYOUT_ONLY = new Set(["layout", "fullscreen_open", "fullscreen_close"]);

let instances = 0;

export class CoachingPanel implements ComponentFramework.StandardControl<IInputs, IOutputs> {
    private context!: ComponentFramework.Context<IInputs>;
    private content!: HTMLElement;
    private live!: HTMLElement;
    private state: PanelState = { kind: "loading" };
    private loadedFor: string | null = null;
    private loadSequence = 0;
    private readonly idPrefix = `coaching-panel-${++instances}`;

    public init(context: ComponentFramework.Context<IInputs>, _notifyOutputChanged: () => void, _state: ComponentFramework.Dictionary, container: HTMLDivElement): void {
        this.context = context;
        const root = document.createElement("div");
        root.className = "cp-root";
        root.setAttribute("role", "region");
        root.setAttribute("aria-label", "Coaching panel");
        this.content = document.createElement("div");
        this.content.className = "cp-content";
        // One live region that survives re-renders, so a screen reader hears what Start did.
        this.live = document.createElement("div");
        this.live.className = "cp-sr";
        this.live.setAttribute("role", "status");
        this.live.setAttribute("aria-live", "polite");
        root.append(this.content, this.live);
        container.append(root);
    }

    public updateView(context: ComponentFramework.Context<IInputs>): void {
        this.context = context;
        const id = this.opportunityId();
        const layoutOnly = context.updatedProperties.length > 0 && context.updatedProperties.every(p => LAYOUT_ONLY.has(p));
        if (!id) {
            this.loadedFor = null;
            this.setState({ kind: "new-record" });
        } else if (id !== this.loadedFor || !layoutOnly) {
            void this.load(id);
        } else {
            this.render();
        }
    }

    public getOutputs(): IOutputs {
        return {};
    }

    public destroy(): void {
        this.loadSequence++;
    }

    private opportunityId(): string | null {
        const id = (this.context as unknown as FormContext).mode.contextInfo?.entityId;
        return id ? bareGuid(id) : null;
    }

    private async load(id: string, keepStart = false): Promise<void> {
        const sequence = ++this.loadSequence;
        const start = keepStart && this.state.kind === "ready" ? this.state.start : null;
        // A refresh after a save keeps the panel on screen; only the first load shows the loading state.
        if (this.loadedFor !== id || this.state.kind !== "ready") this.setState({ kind: "loading" });
        this.loadedFor = id;
        try {
            const now = new Date();
            const view = await loadCoaching(this.context.webAPI, id, this.context.userSettings.securityRoles ?? [], now);
            if (sequence === this.loadSequence) this.setState({ kind: "ready", view, start, now });
        } catch (error) {
            if (sequence === this.loadSequence) this.setState({ kind: "error", message: messageOf(error) });
        }
    }

    private async start(): Promise<void> {
        const id = this.opportunityId();
        if (!id || this.state.kind !== "ready") return;
        this.setState({ ...this.state, start: { kind: "running" } });
        const clientUrl = (this.context as unknown as FormContext).page?.getClientUrl?.() ?? "";
        const outcome = await startMicroCoaching((input, init) => fetch(input, init), clientUrl, id);
        if (this.state.kind === "ready") this.setState({ ...this.state, start: outcome }, "start-result");
        this.live.textContent = outcome.message || (outcome.kind === "started" ? "Session started." : "");
        if (outcome.kind === "started") await this.load(id, true);
    }

    private setState(state: PanelState, focusKey?: string): void {
        this.state = state;
        this.render(focusKey);
    }

    private render(focusKey?: string): void {
        const active = document.activeElement as HTMLElement | null;
        const keep = focusKey ?? (active && this.content.contains(active) ? active.getAttribute("data-focus-key") : null);
        renderPanel(this.content, this.state, {
            retry: () => { if (this.loadedFor) void this.load(this.loadedFor); else this.updateView(this.context); },
            start: () => void this.start(),
            openSession: id => void this.context.navigation.openForm({ entityName: "coach_microcoachingsession", entityId: id }),
        }, this.idPrefix);
        if (keep) {
            const target = this.content.querySelector<HTMLElement>(`[data-focus-key="${keep}"]`);
            target?.focus();
        }
    }
}
