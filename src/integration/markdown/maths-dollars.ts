/**
 * Whether `$…$` in the source is prose with two dollar signs ("costs $5 and $10"), not maths.
 * GitHub takes single-dollar maths only when no space follows the opening `$` and none comes
 * before the closing one; the parser (like remark-math) takes any pair. `$$…$$` is always maths.
 */
export function isProseDollars(source: string): boolean {
  if (!source.startsWith("$") || source.startsWith("$$")) return false;
  const inner = source.slice(1, -1);
  return inner === "" || /^\s|\s$/.test(inner);
}
