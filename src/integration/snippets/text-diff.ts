/** A readable line diff (`- expected`, `+ actual`, two lines of context), via longest common subsequence. */
export function lineDiff(expected: string, actual: string, context = 2): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: { kind: " " | "-" | "+"; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: " ", text: a[i++]! }), j++;
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: "-", text: a[i++]! });
    else ops.push({ kind: "+", text: b[j++]! });
  }
  const near = (k: number) => ops.slice(Math.max(0, k - context), k + context + 1).some((op) => op.kind !== " ");
  const shown: string[] = [];
  let skipped = false;
  ops.forEach((op, k) => {
    if (op.kind !== " " || near(k)) {
      shown.push(`${op.kind} ${op.text}`);
      skipped = false;
    } else if (!skipped) {
      shown.push("  …");
      skipped = true;
    }
  });
  return shown.join("\n");
}
