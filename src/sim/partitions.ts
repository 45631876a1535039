/** The set of network partitions in force: which links are cut right now. */

/** Cut links between groups of node names. Used by the network; snippets call `net.partition()`. */
export class Partitions {
  private cuts: { readonly a: ReadonlySet<string>; readonly b: ReadonlySet<string> | undefined }[] = [];

  /** Cuts every link between `groupA` and `groupB`, or between `groupA` and everyone else; returns a description. */
  add(groupA: readonly string[], groupB?: readonly string[]): string {
    this.cuts.push({ a: new Set(groupA), b: groupB && new Set(groupB) });
    return `partition ${groupA.join(", ")} | ${groupB ? groupB.join(", ") : "everyone else"}`;
  }

  /** Removes every cut. */
  clear(): void {
    this.cuts = [];
  }

  /** True when some cut separates `from` and `to` (cuts work both ways). */
  separates(from: string, to: string): boolean {
    const inB = (group: ReadonlySet<string> | undefined, name: string) => (group ? group.has(name) : true);
    return this.cuts.some(({ a, b }) => (a.has(from) && !a.has(to) && inB(b, to)) || (a.has(to) && !a.has(from) && inB(b, from)));
  }
}
