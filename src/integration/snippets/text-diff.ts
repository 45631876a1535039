import { diffArrays } from "diff";

/**
 * The most edits (lines removed plus lines added) the Myers diff looks for: enough for any two
 * outputs within the runtime's 500-line cap. Its cost is the texts' length times the edits found,
 * so two long outputs that differ in a few places diff in moments; past the limit,
 * the lines between the common start and end are shown as all removed and all added. A limit on
 * edits, not on time, so the same outputs always give the same diff.
 */
const MAX_EDITS = 1_000;
/** Changed lines shown before the rest are summed up in one line. */
const MAX_CHANGED_LINES = 200;

type Op = { kind: " " | "-" | "+"; text: string };

/** A readable line diff (`- expected`, `+ actual`, `context` lines around each change, `  …` between), via jsdiff. */
export function lineDiff(expected: string, actual: string, context = 2): string {
  const ops = lineOps(expected.split("\n"), actual.split("\n"));
  const changed = ops.map((op, k) => (op.kind === " " ? -1 : k)).filter((k) => k >= 0);
  const near = new Uint8Array(ops.length);
  for (const k of changed) near.fill(1, Math.max(0, k - context), k + context + 1);
  const shown: string[] = [];
  let skipped = false;
  let changes = 0;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.kind !== " " && ++changes > MAX_CHANGED_LINES) {
      shown.push(`  … and ${changed.length - MAX_CHANGED_LINES} more changed lines`);
      break;
    }
    if (near[k]) {
      shown.push(`${op.kind} ${op.text}`);
      skipped = false;
    } else if (!skipped) {
      shown.push("  …");
      skipped = true;
    }
  }
  return shown.join("\n");
}

function lineOps(a: string[], b: string[]): Op[] {
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDITS });
  if (changes) return changes.flatMap((c) => c.value.map((text) => ({ kind: c.added ? "+" : c.removed ? "-" : " ", text }) as Op));
  // Too different for a minimal diff: keep the common start and end, replace everything between.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const same = (lines: string[]): Op[] => lines.map((text) => ({ kind: " ", text }));
  return [
    ...same(a.slice(0, start)),
    ...a.slice(start, a.length - end).map((text): Op => ({ kind: "-", text })),
    ...b.slice(start, b.length - end).map((text): Op => ({ kind: "+", text })),
    ...same(a.slice(a.length - end)),
  ];
}
