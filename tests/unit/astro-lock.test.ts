import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireAstroLock, releaseAstroLock, withAstroLock } from "../helpers/astro-lock.ts";

const LOCK_MODULE = path.resolve(import.meta.dirname, "../helpers/astro-lock.ts");

/** Another test process: takes the lock, says so, and holds it until killed (SIGKILL: no cleanup). */
function holderProcess() {
  const child = spawn(process.execPath, ["--input-type=module", "-e", `const { acquireAstroLock } = await import(${JSON.stringify(LOCK_MODULE)}); await acquireAstroLock(); console.log("held"); setInterval(() => {}, 1000);`], { stdio: ["ignore", "pipe", "inherit"] });
  const held = new Promise<void>((resolve) => child.stdout.on("data", (d: Buffer) => d.toString().includes("held") && resolve()));
  return { child, held };
}

describe("the lock around Astro on this checkout (tests/helpers/astro-lock.ts)", () => {
  it("makes a second process wait while the first holds it, and takes over a lock whose holder died", async () => {
    const { child, held } = holderProcess();
    await held;
    let got = false;
    const waiting = acquireAstroLock().then(() => (got = true));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(got, "took the lock while another process held it").toBe(false);
    child.kill("SIGKILL"); // dies holding it: the lock's folder stays behind
    await waiting;
    expect(got).toBe(true);
    releaseAstroLock();
  });

  it("is re-entrant within a process and released after the work, even when the work throws", async () => {
    await expect(withAstroLock(() => withAstroLock(async () => "nested"))).resolves.toBe("nested");
    await expect(withAstroLock(async () => Promise.reject(new Error("build failed")))).rejects.toThrow("build failed");
    // Free again: another process gets it at once.
    const { child, held } = holderProcess();
    await held;
    child.kill("SIGKILL");
  });
});
