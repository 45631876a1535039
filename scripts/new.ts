// `npm run new -- "<title>" --tags <tag>,<tag>`: scaffolds the next day's entry in content/days/
// (see src/integration/new-entry/). Never overwrites a file; on any problem it writes nothing and exits 1.
import { runNewEntry } from "../src/integration/new-entry/new-entry-run.ts";

process.exitCode = await runNewEntry({
  argv: process.argv.slice(2),
  env: process.env,
  root: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
