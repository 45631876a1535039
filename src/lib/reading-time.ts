/** Minutes to read a Markdown body: prose at 230 words a minute, code at a third of that pace. */
export function readingMinutes(markdown: string): number {
  let prose = 0;
  let code = 0;
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    const words = line.split(/\s+/).filter(Boolean).length;
    if (inFence) code += words;
    else prose += words;
  }
  return Math.max(1, Math.round(prose / 230 + code / 75));
}
