// Opens the harness page in Debian's Chromium (never a downloaded browser) and answers every request from
// disk: the page, the built bundle, and the custom API the test scripts. Nothing leaves the machine.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { BrowserContext, chromium, Page, Route } from "playwright-core";

export type Browser = BrowserContext;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const root = fileURLToPath(new URL("../..", import.meta.url));
export const BUNDLE_DIR = join(root, "out", "controls", "CoachingPanel");
const HARNESS_DIR = join(root, "test", "harness");
export const ORIGIN = "http://harness.test";
export const SCREENSHOTS = process.env.COACHING_PANEL_SCREENSHOTS ?? join(tmpdir(), "coaching-panel-screens");

export function requireBrowserPrerequisites(): void {
    if (!existsSync(CHROMIUM)) {
        throw new Error(`Chromium is not at ${CHROMIUM}: run .ci/run (it installs Debian's chromium) or apt-get install -y chromium.`);
    }
    if (!existsSync(join(BUNDLE_DIR, "bundle.js"))) {
        throw new Error(`No built control in ${BUNDLE_DIR}: run npm test (it builds first) or npm run build in CoachingPanel/.`);
    }
}

/** Chromium with a fresh profile (removed on close); Playwright passes it as --user-data-dir. */
export async function launch(): Promise<Browser> {
    requireBrowserPrerequisites();
    const profile = mkdtempSync(join(tmpdir(), "coaching-panel-profile-"));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        ],
    });
    profiles.set(context, profile);
    return context;
}

const profiles = new Map<Browser, string>();

export async function close(browser: Browser | undefined): Promise<void> {
    if (!browser) return;
    await browser.close();
    const profile = profiles.get(browser);
    if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "application/javascript", ".css": "text/css" };

export interface ApiCall { method: string; url: string; body: string | null; headers: Record<string, string> }
export type ApiAnswer = { status: number; body: unknown; then?: (page: Page) => Promise<void> };

/** A page with the panel mounted for `scenario`; `api` answers coach_StartMicroCoaching and records each call. */
export async function openPanel(browser: Browser, scenario: object, api?: (call: ApiCall) => ApiAnswer): Promise<{ page: Page; apiCalls: ApiCall[] }> {
    const width = (scenario as { width?: number }).width ?? 600;
    const page = await browser.newPage();
    await page.setViewportSize({ width: width + 64, height: 900 });
    const apiCalls: ApiCall[] = [];
    const errors: string[] = [];
    page.on("pageerror", error => errors.push(error.message));
    (page as Page & { harnessErrors: string[] }).harnessErrors = errors;
    await page.route("**/*", async (route: Route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname.startsWith("/api/data/")) {
            const call = { method: route.request().method(), url: url.pathname + url.search, body: route.request().postData(), headers: route.request().headers() };
            apiCalls.push(call);
            const answer = api ? api(call) : { status: 404, body: { error: { code: "0x0", message: "No API answer in this test" } } };
            await route.fulfill({ status: answer.status, contentType: "application/json; odata.metadata=minimal", body: JSON.stringify(answer.body) });
            return;
        }
        const file = url.pathname === "/" ? join(HARNESS_DIR, "index.html")
            : url.pathname.startsWith("/bundle/") ? join(BUNDLE_DIR, normalize(url.pathname.substring("/bundle/".length)))
            : url.pathname.startsWith("/harness/") ? join(HARNESS_DIR, normalize(url.pathname.substring("/harness/".length)))
            : null;
        if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: "not found" });
        return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? "application/octet-stream", body: readFileSync(file) });
    });
    const now = (scenario as { now?: string }).now;
    if (now) await page.clock.setFixedTime(new Date(now));
    await page.addInitScript(s => { (window as unknown as { __scenario: object }).__scenario = s; }, scenario);
    await page.goto(`${ORIGIN}/`);
    return { page, apiCalls };
}

export async function screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.locator("#column").screenshot({ path });
    return path;
}
