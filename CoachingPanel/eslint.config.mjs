// pcf-scripts lints on every build and needs a flat config here.
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";
import powerApps from "@microsoft/eslint-plugin-power-apps";

export default tseslint.config(
    { ignores: ["node_modules/**", "out/**", "**/generated/**", "test/harness/**"] },
    eslint.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["CoachingPanel/**/*.ts"],
        plugins: { "@microsoft/power-apps": powerApps },
        rules: {
            ...powerApps.configs.paCheckerHosted.rules,
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
        },
    },
);
