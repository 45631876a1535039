// Runs before `npm test`: the browser tests drive Debian's Chromium through playwright-core and
// the sandbox smoke test Debian's Firefox ESR through puppeteer-core, and neither may download a
// browser. Installs what is missing with apt when we can (root on Debian), or says how.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

ensureDebianBrowser({ name: "Chromium", purpose: "The browser test suite", binary: process.env.DAYBOOK_CHROMIUM ?? "/usr/bin/chromium", pkg: "chromium", variable: "DAYBOOK_CHROMIUM" });
ensureDebianBrowser({ name: "Firefox ESR", purpose: "The Firefox smoke test", binary: process.env.DAYBOOK_FIREFOX ?? "/usr/bin/firefox-esr", pkg: "firefox-esr", variable: "DAYBOOK_FIREFOX" });

function ensureDebianBrowser({ name, purpose, binary, pkg, variable }: { name: string; purpose: string; binary: string; pkg: string; variable: string }): void {
  if (existsSync(binary)) return;
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) {
    console.error(`${purpose} needs ${name} at ${binary}, and it is not there.\nInstall it (Debian/Ubuntu: sudo apt-get install -y ${pkg}), or point ${variable} at a ${name} binary, then run npm test again.`);
    process.exit(1);
  }
  console.log(`${name} is missing at ${binary}; installing Debian's ${pkg} package for the tests…`);
  for (const args of [["update"], ["install", "-y", pkg]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit" });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed; install ${pkg} by hand and run npm test again.`);
      process.exit(1);
    }
  }
}
