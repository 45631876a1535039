// content/: the content rules' results (content-safety.ts) kept from one build to the next, in the
// cache folder (daybook-cache.ts). They are the costliest part of validating a journal (parsing
// every entry as the build parses it: about 0.6 s of the 1.4 s a 1,000-entry journal takes, on
// the path every build waits on). A result is reused only for the same file, text and position,
// under the same Daybook code (the cache key), and the folder is saved only by trusted builds
// (README, "Keeping the build cache in CI"), as snippet results are.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ContentReport } from "./content-safety.ts";
import { writeFileWhole } from "../write-whole.ts";

export const CONTENT_RULES_FILE = "daybook-content-rules.json";

/** What the content rules read of a file. */
export interface ContentRulesInput {
  body: string;
  firstLine: number;
  mdx: boolean;
}

/** Results of the content rules, by file and input (journal-validate.ts asks before it checks). */
export interface ContentRulesMemo {
  get(file: string, input: ContentRulesInput): ContentReport | undefined;
  set(file: string, input: ContentRulesInput, report: ContentReport): void;
}

interface Saved {
  version: 1;
  key: string;
  reports: Record<string, ContentReport>;
}

/** The last build's results, read from `dir`; `save` keeps this build's (only those it used). */
export class ContentRulesCache implements ContentRulesMemo {
  readonly #file: string;
  readonly #key: string;
  readonly #known: Map<string, ContentReport>;
  readonly #used = new Map<string, ContentReport>();
  #changed = false;

  /** `key`: Daybook's cache key (cache-key.ts); results saved under another key are not read. */
  constructor(dir: string, key: string) {
    this.#file = path.join(dir, CONTENT_RULES_FILE);
    this.#key = key;
    this.#known = read(this.#file, key);
  }

  get(file: string, input: ContentRulesInput): ContentReport | undefined {
    const id = idOf(file, input);
    const report = this.#known.get(id);
    if (report) this.#used.set(id, report);
    return report;
  }

  set(file: string, input: ContentRulesInput, report: ContentReport): void {
    const id = idOf(file, input);
    if (!this.#known.has(id)) this.#changed = true;
    this.#used.set(id, report);
  }

  /** Writes this build's results, if they differ from what was read (whole, by a rename). */
  save(): void {
    if (!this.#changed && this.#used.size === this.#known.size) return;
    writeFileWhole(this.#file, JSON.stringify({ version: 1, key: this.#key, reports: Object.fromEntries(this.#used) } satisfies Saved));
  }
}

function idOf(file: string, input: ContentRulesInput): string {
  return createHash("sha256").update(`${file}\0${input.firstLine}\0${input.mdx}\0${input.body}`).digest("base64");
}

function read(file: string, key: string): Map<string, ContentReport> {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as Partial<Saved>;
    if (saved.version !== 1 || saved.key !== key || !saved.reports || typeof saved.reports !== "object") return new Map();
    const isReport = (value: unknown): value is ContentReport =>
      !!value && typeof value === "object" && Array.isArray((value as ContentReport).problems) && Array.isArray((value as ContentReport).notes);
    return new Map(Object.entries(saved.reports).filter((entry): entry is [string, ContentReport] => isReport(entry[1])));
  } catch {
    return new Map(); // none yet, or unreadable: every file is checked
  }
}
