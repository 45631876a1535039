import { existsSync } from "node:fs";
import puppeteer, { type Browser } from "puppeteer-core";

/** Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core; never a downloaded browser. */
export const FIREFOX_PATH = process.env.DAYBOOK_FIREFOX ?? "/usr/bin/firefox-esr";

/** Launches Firefox headless, or fails with what to install: a missing browser is never a skip. */
export function launchFirefox(): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`The Firefox smoke test needs Firefox ESR at ${FIREFOX_PATH}, and it is not there. Install it (Debian/Ubuntu: sudo apt-get install -y firefox-esr), or point DAYBOOK_FIREFOX at a Firefox binary.`);
  }
  return puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Nothing but the test's own local servers: no updates, telemetry or captive-portal checks.
      "app.update.enabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
    },
  });
}
