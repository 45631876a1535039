// Runs before `npm test`: the browser tests drive Debian's Chromium through playwright-core and
// must never download a browser. Installs it with apt when we can (root on Debian), or says how.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const CHROMIUM = process.env.DAYBOOK_CHROMIUM ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) {
    console.error(`The browser tests need Chromium at ${CHROMIUM}, and it is not there.\nInstall it (Debian/Ubuntu: sudo apt-get install -y chromium), or point DAYBOOK_CHROMIUM at a Chromium binary, then run npm test again.`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${CHROMIUM}; installing Debian's chromium package for the browser tests…`);
  for (const args of [["update"], ["install", "-y", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit" });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed; install chromium by hand and run npm test again.`);
      process.exit(1);
    }
  }
}
