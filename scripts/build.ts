// `npm run build`: builds the site with Astro and fails if Astro reported any warning or
// error, because Astro only logs some content problems and still exits 0.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { problemLines } from "../src/integration/astro-process/astro-log-check.ts";
import { astroHeapFlag } from "../src/integration/astro-process/astro-heap.ts";
import { astroBuildEnv } from "../src/integration/astro-process/astro-build-env.ts";

const astroBin = fileURLToPath(new URL("../node_modules/astro/bin/astro.mjs", import.meta.url));
const child = spawn(process.execPath, [astroHeapFlag(), astroBin, "build", ...process.argv.slice(2)], {
  stdio: ["ignore", "pipe", "pipe"],
  env: astroBuildEnv(process.env),
});

let output = "";
child.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
child.stderr.on("data", (chunk: Buffer) => {
  process.stderr.write(chunk);
  output += chunk.toString();
});

child.on("close", (code) => {
  if (code !== 0) {
    console.error(`\nThe build failed (astro exited with ${code}). Nothing in the output folder should be deployed.`);
    process.exit(code ?? 1);
  }
  const problems = problemLines(output);
  if (problems.length > 0) {
    console.error(`\nThe build finished, but Astro reported ${problems.length} warning(s) or error(s):\n  ${problems.join("\n  ")}`);
    console.error("Daybook treats these as failures because they can mean a page was dropped. Fix them and build again; the output folder must not be deployed.");
    process.exit(1);
  }
});
