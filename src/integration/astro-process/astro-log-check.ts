// astro-process/: running Astro as a child of Daybook's commands: its heap limit and the log
// lines that mean a problem Astro itself only warns about.

/**
 * Astro logs some content problems and still exits 0: a duplicate id drops an entry, an
 * invalid reference or a failed render is only a warning. The build wrapper feeds Astro's
 * output through this and fails on any warning or error line, so nothing is dropped silently.
 */
const ANSI = /\u001b\[[0-9;]*m/g;
const PROBLEM = /\[(WARN|ERROR)\]/;

export function problemLines(output: string): string[] {
  return output
    .replace(ANSI, "")
    .split(/\r?\n/)
    .filter((line) => PROBLEM.test(line))
    .map((line) => line.trim());
}
