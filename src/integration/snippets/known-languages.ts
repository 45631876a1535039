import { bundledLanguagesInfo } from "shiki";

/** Fence languages the build understands: Shiki's, plain text, and Daybook's `output`. */
const KNOWN = new Set(["", "text", "txt", "plaintext", "plain", "output", ...bundledLanguagesInfo.flatMap((lang) => [lang.id, ...(lang.aliases ?? [])])]);

export function isKnownLanguage(lang: string): boolean {
  return KNOWN.has(lang.toLowerCase());
}
