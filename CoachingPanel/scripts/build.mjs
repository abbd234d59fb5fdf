// pcf-scripts build exits 0 even when the build failed (it prints "[build] Failed" and leaves the old bundle):
// clean the output first and fail unless the log says "[build] Succeeded".
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const mode = process.argv.includes("--development") ? "development" : "production";

rmSync(join(root, "out"), { recursive: true, force: true });
const result = spawnSync(process.execPath, [join(root, "node_modules/pcf-scripts/bin/pcf-scripts.js"), "build", "--buildMode", mode], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" },
});
const log = `${result.stdout ?? ""}${result.stderr ?? ""}`;
process.stdout.write(log);
if (result.status !== 0 || !log.includes("[build] Succeeded")) {
    console.error(`\nCoaching panel build failed (${mode}): the log above does not say "[build] Succeeded".`);
    process.exit(1);
}
