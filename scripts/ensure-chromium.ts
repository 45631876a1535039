// Runs before `npm test`: the browser tests drive Debian's Chromium through playwright-core and
// must never download a browser. Installs it with apt when we can (root on Debian), or says how.
// The sandbox smoke test drives Debian's Firefox ESR through puppeteer-core the same way.
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

const FIREFOX = process.env.DAYBOOK_FIREFOX ?? "/usr/bin/firefox-esr";

if (!existsSync(FIREFOX)) {
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) {
    console.error(`The Firefox smoke test needs Firefox ESR at ${FIREFOX}, and it is not there.\nInstall it (Debian/Ubuntu: sudo apt-get install -y firefox-esr), or point DAYBOOK_FIREFOX at a Firefox binary, then run npm test again.`);
    process.exit(1);
  }
  console.log(`Firefox ESR is missing at ${FIREFOX}; installing Debian's firefox-esr package for the smoke test…`);
  for (const args of [["update"], ["install", "-y", "firefox-esr"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit" });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed; install firefox-esr by hand and run npm test again.`);
      process.exit(1);
    }
  }
}
