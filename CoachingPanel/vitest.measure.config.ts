import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["test/measure/**/*.test.ts"], environment: "node" } });
