import { bundledLanguagesInfo } from "shiki";

/** Fence languages shown as plain text on purpose (no note): GitHub's and Shiki's names for it. */
const PLAIN = new Set(["", "text", "txt", "plaintext", "plain"]);

/** Every name Shiki answers to (its ids and aliases, all lowercase), mapped to its id. */
const SHIKI_IDS = new Map(bundledLanguagesInfo.flatMap((lang) => [lang.id, ...(lang.aliases ?? [])].map((name) => [name.toLowerCase(), lang.id] as const)));

/**
 * The Shiki language a fence's language names, case-insensitively (`Dockerfile` → `docker`,
 * `C++` → `cpp`), `"text"` for plain text, or `undefined` when the highlighter does not know it
 * (the block is then shown as plain code, as GitHub does, and `npm run check` notes it).
 */
export function shikiLanguage(lang: string): string | undefined {
  const name = lang.toLowerCase();
  return PLAIN.has(name) ? "text" : SHIKI_IDS.get(name);
}

/**
 * Whether a fence language means something to the build: Shiki's languages, plain text,
 * Daybook's `output` and `math` (display maths, as GitHub renders a ```` ```math ```` block).
 */
export function isKnownLanguage(lang: string): boolean {
  const name = lang.toLowerCase();
  return name === "output" || name === "math" || shikiLanguage(name) !== undefined;
}
