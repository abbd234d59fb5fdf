import { defineConfig } from "vitest/config";

// unit: the panel's logic in Node. browser: the built bundle in headless Chromium (Debian's package).
export default defineConfig({
    test: {
        projects: [
            { test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" } },
            { test: { name: "browser", include: ["test/browser/**/*.test.ts"], environment: "node", testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false } },
        ],
    },
});
