/**
 * Shiki themes for code blocks. Both keep every token at WCAG AA contrast (4.5:1) on
 * their own background; tests/unit/code-themes.test.ts holds them to that.
 */
export const CODE_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;
