import { stringify } from "yaml";

export interface EntryTemplate {
  title: string;
  day: number;
  date: string;
  tagIds: readonly string[];
}

/** Shown on the home page and in the feed until the author replaces it. */
export const SUMMARY_PLACEHOLDER = "One or two sentences on what you learned today; shown on the home page and in the feed.";

/**
 * The new entry's file text. Frontmatter values go through the `yaml` package, so any title
 * (quotes, colons, `#`, emoji, backslashes) reads back exactly; the body is MDX-safe prose and
 * a runnable snippet whose output fence matches what it prints. Pure.
 */
export function renderEntry(entry: EntryTemplate): string {
  const greeting = `hello from day ${entry.day}`;
  return `---
title: ${yamlQuoted(entry.title)}
day: ${entry.day}
date: ${entry.date}
tags: [${entry.tagIds.map(yamlPlain).join(", ")}]
summary: ${yamlQuoted(SUMMARY_PLACEHOLDER)}
---

Start with a sentence or two on what you set out to learn today. The title is shown above this paragraph, so do not repeat it.

## What I tried

Describe the question, the experiment and what surprised you. A \`ts run\` block is a snippet readers can run and edit, and the \`output\` block under it holds what it prints. The build runs the snippet and fails if the two differ, so after changing the code run \`npm run snippets -- --update\`.

\`\`\`ts run
console.log(${JSON.stringify(greeting)});
\`\`\`

\`\`\`output
${greeting}
\`\`\`

## What I learned

The takeaway in a few lines, and what to study next.
`;
}

/** A stub tag file: the title from the tag as typed and a one-line body to replace. */
export function renderTagStub(tag: { title: string }): string {
  return `---
title: ${yamlQuoted(tag.title)}
---
A short explanation of this concept, shown at the top of its tag page.
`;
}

/** A double-quoted YAML scalar on one line, whatever the text holds. */
export function yamlQuoted(text: string): string {
  return stringify(text, { defaultStringType: "QUOTE_DOUBLE", lineWidth: 0 }).trimEnd();
}

/** A plain YAML scalar when it reads back as the same string, quoted otherwise (`2026`, `null`, `true`). */
export function yamlPlain(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
