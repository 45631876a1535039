import type { Problem } from "./problem.ts";

/**
 * One problem per `import`/`export` statement in an MDX ESM block (the text the MDX parser read
 * as ESM, starting at file line `line`). MDX runs these while the site is built, with the
 * builder's rights (environment variables, files, child processes), so entries may not have any.
 */
export function esmProblems(file: string, esm: string, line: number): Problem[] {
  const problems: Problem[] = [];
  esm.split("\n").forEach((text, i) => {
    const m = /^(\s*)(import|export)\b/.exec(text);
    if (m) problems.push({ file, line: line + i, column: m[1]!.length + 1, ...describe(m[2] as "import" | "export", text) });
  });
  if (problems.length === 0) problems.push({ file, line, column: 1, ...describe("export", esm) });
  return problems;
}

function describe(keyword: "import" | "export", statement: string): { message: string; fix: string } {
  if (keyword === "import") {
    const from = /\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/.exec(statement);
    const what = from ? ` of "${from[1] ?? from[2]}"` : "";
    return {
      message: `the entry has an MDX \`import\`${what}, and an import in an entry would run code while the site is built`,
      fix: "remove the line: entries are content and cannot import modules or components; write Markdown or allowed HTML, and put code in a ```ts run block",
    };
  }
  return {
    message: "the entry has an MDX `export`, and an export in an entry would run code while the site is built",
    fix: "remove the line and write the value as plain text; put code readers can run in a ```ts run block",
  };
}
