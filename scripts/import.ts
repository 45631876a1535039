// `npm run import -- <folder>`: turns a folder of Markdown notes into Daybook entries and tags
// (see src/integration/import/). On any problem it writes nothing and exits 1.
import { runImport } from "../src/integration/import/import-run.ts";

process.exitCode = await runImport({
  argv: process.argv.slice(2),
  env: process.env,
  root: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
