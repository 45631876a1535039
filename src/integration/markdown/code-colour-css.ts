import { bundledThemes, type ThemeRegistration } from "shiki";
import { CODE_THEMES } from "./code-themes.ts";
import { colourKey } from "./shiki-token-classes.ts";

/** Every colour a theme can give a token or a block: its editor colours and its token rules. */
async function palette(theme: string): Promise<{ foreground: Set<string>; background: Set<string> }> {
  const loaded = (await bundledThemes[theme as keyof typeof bundledThemes]()).default as ThemeRegistration;
  const foreground = new Set<string>([colourKey(loaded.colors?.["editor.foreground"] ?? "#000")]);
  const background = new Set<string>([colourKey(loaded.colors?.["editor.background"] ?? "#fff")]);
  for (const rule of loaded.tokenColors ?? loaded.settings ?? []) {
    if (rule.settings.foreground) foreground.add(colourKey(rule.settings.foreground));
    if (rule.settings.background) background.add(colourKey(rule.settings.background));
  }
  return { foreground, background };
}

/**
 * The stylesheet behind shiki-token-classes.ts: one rule per theme colour sets a custom property,
 * and light-dark() picks the light or dark one by the page's color-scheme (which follows the
 * system, or the reader's toggle once they use it).
 */
export async function codeColourCss(): Promise<string> {
  const light = await palette(CODE_THEMES.light);
  const dark = await palette(CODE_THEMES.dark);
  const rules = [
    ".astro-code{overflow-x:auto;color:light-dark(var(--l),var(--d));background-color:light-dark(var(--lb),var(--db))}",
    ".astro-code span[class]{color:light-dark(var(--l),var(--d))}",
    ".astro-code span[class*=b-]{background-color:light-dark(var(--lb),var(--db))}",
    ".f-italic{font-style:italic}.f-bold{font-weight:bold}.f-underline{text-decoration:underline}.f-line-through{text-decoration:line-through}",
  ];
  for (const [prefix, colours] of [["l", light.foreground], ["d", dark.foreground], ["lb", light.background], ["db", dark.background]] as const) {
    for (const key of [...colours].sort()) rules.push(`.${prefix}-${key}{--${prefix}:#${key}}`);
  }
  return `${rules.join("\n")}\n`;
}
