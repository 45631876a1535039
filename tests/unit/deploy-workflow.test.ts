// The GitHub Pages workflow (.github/workflows/deploy.yml): tests and builds pushes and pull
// requests, checks the links of the very output it would publish, deploys only from main and
// only after the tests, the build and the link check passed.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { cleanEnv, runNode } from "../helpers/build-site.ts";
import { CACHE_FOLDER } from "../../src/integration/daybook-cache.ts";
import { cacheKey } from "../../src/integration/cache-key.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKFLOW_PATH = path.join(ROOT, ".github/workflows/deploy.yml");
const WORKFLOW_TEXT = readFileSync(WORKFLOW_PATH, "utf8");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

interface Step {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  "continue-on-error"?: unknown;
}
interface Job {
  name?: string;
  needs?: string | string[];
  if?: string | boolean;
  "runs-on"?: unknown;
  permissions?: string | Record<string, string>;
  environment?: string | { name?: string; url?: string };
  concurrency?: string | { group?: string; "cancel-in-progress"?: unknown };
  env?: Record<string, unknown>;
  "continue-on-error"?: unknown;
  steps?: Step[];
}
interface Workflow {
  on?: unknown;
  permissions?: string | Record<string, string>;
  concurrency?: string | { group?: string; "cancel-in-progress"?: unknown };
  env?: Record<string, unknown>;
  jobs?: Record<string, Job>;
}

/** Strict YAML: no duplicate keys, no warnings, nothing the parser had to guess. */
function parseStrict(text: string) {
  return parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true });
}

const doc = parseStrict(WORKFLOW_TEXT);
const workflow = doc.toJS() as Workflow;
const jobs: Record<string, Job> = workflow.jobs ?? {};
const jobEntries = Object.entries(jobs);
const allSteps = jobEntries.flatMap(([, job]) => job.steps ?? []);

/** The shell commands of a `run:` block: one per line or per `&&`/`||`/`;`, comments dropped. */
function commands(run: string | undefined): string[] {
  if (!run) return [];
  return run
    .split("\n")
    .map((line) => line.replace(/(^|\s)#.*$/, ""))
    .flatMap((line) => line.split(/&&|\|\||;/))
    .map((command) => command.trim().replace(/\s+/g, " "))
    .filter((command) => command !== "");
}

const runsCommand = (step: Step, command: string) => commands(step.run).includes(command);
const usesAction = (step: Step, action: string) => (step.uses ?? "").split("@")[0] === action;

/** The one job that runs `npm test`: the test-and-build job. */
function testJob(): [string, Job] {
  const found = jobEntries.filter(([, job]) => (job.steps ?? []).some((step) => runsCommand(step, "npm test")));
  expect(found.map(([id]) => id), "exactly one job runs npm test").toHaveLength(1);
  return found[0]!;
}

/** The one job that uses actions/deploy-pages. */
function deployJob(): [string, Job] {
  const found = jobEntries.filter(([, job]) => (job.steps ?? []).some((step) => usesAction(step, "actions/deploy-pages")));
  expect(found.map(([id]) => id), "exactly one job uses actions/deploy-pages").toHaveLength(1);
  return found[0]!;
}

function stepIndex(steps: Step[], predicate: (step: Step) => boolean, what: string): number {
  const index = steps.findIndex(predicate);
  expect(index, `a step that ${what}`).toBeGreaterThanOrEqual(0);
  return index;
}

function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

// ---------------------------------------------------------------------------------------------
// A small evaluator of GitHub Actions `if:` expressions, enough to check what each condition
// does for a push to main, a pull request and a failed earlier step, instead of grepping it.

type Value = string | number | boolean | null;
interface Run {
  event_name: string;
  ref: string;
  head_ref: string;
  /** Whether everything before this job or step succeeded. */
  succeeded: boolean;
}

const PUSH_MAIN: Run = { event_name: "push", ref: "refs/heads/main", head_ref: "", succeeded: true };
const DISPATCH_MAIN: Run = { event_name: "workflow_dispatch", ref: "refs/heads/main", head_ref: "", succeeded: true };
// A pull request from a branch that is itself called main (a fork's main, say).
const PULL_REQUEST: Run = { event_name: "pull_request", ref: "refs/pull/7/merge", head_ref: "main", succeeded: true };
const PUSH_MAIN_FAILED: Run = { ...PUSH_MAIN, succeeded: false };

const STATUS_FUNCTIONS = /\b(success|failure|always|cancelled)\s*\(/;

/** Whether a job or step with this `if:` runs (no `if:` means `success()`). */
function runs(condition: string | boolean | undefined, run: Run): boolean {
  if (condition === undefined) return run.succeeded;
  if (typeof condition === "boolean") return condition && run.succeeded;
  let source = condition.trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(source);
  if (wrapped) source = wrapped[1]!.trim();
  // GitHub adds `success() &&` to a condition that names no status function.
  if (!STATUS_FUNCTIONS.test(source)) source = `success() && (${source})`;
  return truthy(evaluate(source, run));
}

function truthy(value: Value): boolean {
  return value !== null && value !== false && value !== 0 && value !== "";
}

function evaluate(source: string, run: Run): Value {
  const tokens = source.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[()!,]|[A-Za-z_][\w.-]*|\d+(?:\.\d+)?|\S/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Error(`cannot read the condition ${JSON.stringify(source)}: expected ${expected ?? "more"} at token ${at}`);
    }
    return token;
  };
  const equal = (a: Value, b: Value) =>
    typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : a === b;
  const contexts: Record<string, Value> = {
    "github.event_name": run.event_name,
    "github.ref": run.ref,
    "github.ref_name": run.ref.replace(/^refs\/(heads|tags)\//, ""),
    "github.head_ref": run.head_ref,
  };
  const call = (name: string, args: Value[]): Value => {
    const text = (i: number) => String(args[i] ?? "").toLowerCase();
    switch (name) {
      case "success": return run.succeeded;
      case "failure": return !run.succeeded;
      case "always": return true;
      case "cancelled": return false;
      case "contains": return text(0).includes(text(1));
      case "startsWith": return text(0).startsWith(text(1));
      case "endsWith": return text(0).endsWith(text(1));
      default: throw new Error(`the condition ${JSON.stringify(source)} calls ${name}(), which this test does not know`);
    }
  };
  const primary = (): Value => {
    const token = take();
    if (token === "(") {
      const value = or();
      take(")");
      return value;
    }
    if (token === "!") return !truthy(primary());
    if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
    if (/^\d/.test(token)) return Number(token);
    if (token === "true" || token === "false") return token === "true";
    if (token === "null") return null;
    if (peek() === "(") {
      take("(");
      const args: Value[] = [];
      while (peek() !== ")") {
        args.push(or());
        if (peek() === ",") take(",");
      }
      take(")");
      return call(token, args);
    }
    if (token in contexts) return contexts[token] ?? null;
    throw new Error(`the condition ${JSON.stringify(source)} reads ${token}, which this test does not know`);
  };
  const comparison = (): Value => {
    const left = primary();
    const op = peek();
    if (op === "==" || op === "!=") {
      take();
      const right = primary();
      return op === "==" ? equal(left, right) : !equal(left, right);
    }
    return left;
  };
  const and = (): Value => {
    let value = comparison();
    while (peek() === "&&") {
      take();
      const right = comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  const or = (): Value => {
    let value = and();
    while (peek() === "||") {
      take();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  const value = or();
  if (at !== tokens.length) throw new Error(`cannot read the condition ${JSON.stringify(source)}: unexpected ${tokens[at]}`);
  return value;
}

// ---------------------------------------------------------------------------------------------

describe("deploy workflow: the file", () => {
  it("parses as strict YAML with no duplicate keys, errors or warnings", () => {
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    expect(doc.warnings.map((w) => w.message)).toEqual([]);
    expect(workflow).toBeTypeOf("object");
  });

  it("uses a parser that really rejects duplicate keys", () => {
    expect(parseStrict("jobs:\n  a: 1\n  a: 2\n").errors).not.toEqual([]);
  });

  it("pins every action to the expected major version", () => {
    const expected: Record<string, string> = {
      "actions/checkout": "v4",
      "actions/setup-node": "v4",
      "actions/configure-pages": "v5",
      "actions/upload-pages-artifact": "v3",
      "actions/deploy-pages": "v4",
      "actions/cache/restore": "v4",
      "actions/cache/save": "v4",
    };
    const used = allSteps.flatMap((step) => (step.uses ? [step.uses] : []));
    for (const action of ["actions/checkout", "actions/setup-node", "actions/upload-pages-artifact", "actions/deploy-pages"]) {
      expect(used.some((uses) => uses.split("@")[0] === action), `${action} is used`).toBe(true);
    }
    for (const uses of used) {
      const [action = "", version] = uses.split("@");
      expect(Object.keys(expected), `${uses} is one of the expected actions`).toContain(action);
      expect(version, `${uses} is pinned to ${expected[action]}`).toBe(expected[action]);
    }
  });
});

describe("deploy workflow: triggers and permissions", () => {
  it("runs on pushes to main, pull requests into main and by hand", () => {
    const on = workflow.on as Record<string, { branches?: string[] } | null> | undefined;
    expect(on, "an `on:` mapping").toBeTypeOf("object");
    expect(on?.["push"]?.branches).toEqual(["main"]);
    expect(on ? "pull_request" in on : false, "pull_request trigger").toBe(true);
    const prBranches = on?.["pull_request"]?.branches;
    if (prBranches !== undefined) expect(prBranches).toContain("main");
    expect(on ? "workflow_dispatch" in on : false, "workflow_dispatch trigger").toBe(true);
  });

  it("grants only contents: read by default, and more only to the deploy job", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
    const [deployId] = deployJob();
    for (const [id, job] of jobEntries) {
      if (id === deployId) continue;
      const permissions = job.permissions ?? {};
      expect(typeof permissions, `${id}: permissions are a mapping`).toBe("object");
      for (const [scope, level] of Object.entries(permissions)) {
        expect(level, `${id}: ${scope} is at most read`).not.toBe("write");
      }
    }
  });
});

describe("deploy workflow: test and build job", () => {
  it("runs for pushes to main and for pull requests", () => {
    const [, job] = testJob();
    expect(runs(job.if, PUSH_MAIN)).toBe(true);
    expect(runs(job.if, PULL_REQUEST)).toBe(true);
    expect(needsOf(job)).toEqual([]);
  });

  it("checks out, sets up Node 20 or later, runs the README's npm ci and npm test, then builds and checks the links", () => {
    const [, job] = testJob();
    const steps = job.steps ?? [];
    const checkout = stepIndex(steps, (s) => usesAction(s, "actions/checkout"), "checks out the repository");
    const setupNode = stepIndex(steps, (s) => usesAction(s, "actions/setup-node"), "sets up Node");
    const install = stepIndex(steps, (s) => runsCommand(s, "npm ci"), "runs npm ci");
    const test = stepIndex(steps, (s) => runsCommand(s, "npm test"), "runs npm test");
    const build = stepIndex(steps, (s) => runsCommand(s, "npm run build"), "runs npm run build");
    const links = stepIndex(steps, (s) => runsCommand(s, "npm run check:links"), "runs npm run check:links");
    expect(checkout).toBe(0);
    expect(setupNode).toBeGreaterThan(checkout);
    expect(install).toBeGreaterThan(setupNode);
    expect(test).toBeGreaterThan(install);
    expect(build, "the build comes after the tests").toBeGreaterThan(test);
    expect(links, "the link check comes after the build").toBeGreaterThan(build);
    const nodeVersion = String(steps[setupNode]?.with?.["node-version"] ?? "");
    expect(Number.parseInt(nodeVersion, 10), `node-version ${nodeVersion || "(unset)"} is 20 or later`).toBeGreaterThanOrEqual(20);
    // Every step up to the link check runs for pushes and pull requests, and none runs after a failure.
    for (const step of steps.slice(0, links + 1)) {
      expect(runs(step.if, PUSH_MAIN), `${step.name ?? step.uses ?? step.run} runs on a push`).toBe(true);
      expect(runs(step.if, PULL_REQUEST), `${step.name ?? step.uses ?? step.run} runs on a pull request`).toBe(true);
      expect(runs(step.if, PUSH_MAIN_FAILED), `${step.name ?? step.uses ?? step.run} is skipped after a failure`).toBe(false);
    }
  });

  it("lets a failed install, test or build fail the job", () => {
    const [id, job] = testJob();
    expect(job["continue-on-error"] ?? false, `${id}: continue-on-error`).toBe(false);
    for (const step of job.steps ?? []) {
      const label = step.name ?? step.uses ?? step.run;
      expect(step["continue-on-error"] ?? false, `${label}: continue-on-error`).toBe(false);
      if (["npm ci", "npm test", "npm run build", "npm run check:links"].some((command) => runsCommand(step, command))) {
        expect(step.run ?? "", `${label}: nothing may swallow its exit status`).not.toMatch(/\||;|set \+e/);
      }
    }
  });

  it("uses the same set-up and test commands as the README", () => {
    const readmeCommandLines = [...README.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)]
      .flatMap((match) => (match[1] ?? "").split("\n"))
      .map(commands)
      .filter((line) => line.length > 0);
    expect(readmeCommandLines, "README's test command line").toContainEqual(["npm ci", "npm test"]);
    expect(README).toContain("`npm run build`");
    const [, job] = testJob();
    const jobCommands = (job.steps ?? []).flatMap((step) => commands(step.run));
    const npmCommands = jobCommands.filter((command) => /^npm\b/.test(command));
    expect(npmCommands).toEqual(["npm ci", "npm test", "npm run build", "npm run check:links"]);
  });

  it("points DAYBOOK_CHROMIUM at a local Chrome/Chromium before npm test", () => {
    // On a runner npm test is not root, so it cannot apt-get Chromium itself: the workflow must
    // say where the browser is, either in the test step's environment or through $GITHUB_ENV.
    const [, job] = testJob();
    const steps = job.steps ?? [];
    const test = stepIndex(steps, (s) => runsCommand(s, "npm test"), "runs npm test");
    const exported = steps
      .slice(0, test)
      .some((step) => /DAYBOOK_CHROMIUM=\S+"?\s*>>\s*"?\$GITHUB_ENV\b/.test(step.run ?? ""));
    const testEnv = { ...workflow.env, ...job.env, ...steps[test]?.env };
    expect(exported || "DAYBOOK_CHROMIUM" in testEnv, "DAYBOOK_CHROMIUM is set for npm test").toBe(true);
  });

  it("builds for a GitHub Pages project site: base from the repository name, site from the owner", () => {
    const [, job] = testJob();
    const steps = job.steps ?? [];
    const build = steps[stepIndex(steps, (s) => runsCommand(s, "npm run build"), "runs npm run build")]!;
    const env = { ...workflow.env, ...job.env, ...build.env };
    expect(env["DAYBOOK_BASE"]).toBe("/${{ github.event.repository.name }}/");
    expect(env["DAYBOOK_SITE"]).toBe("https://${{ github.repository_owner }}.github.io");
  });

  it("uploads dist/ as the Pages artifact after the build and its link check, on main only", () => {
    const [, job] = testJob();
    const steps = job.steps ?? [];
    const links = stepIndex(steps, (s) => runsCommand(s, "npm run check:links"), "runs npm run check:links");
    const upload = stepIndex(steps, (s) => usesAction(s, "actions/upload-pages-artifact"), "uploads the Pages artifact");
    expect(upload).toBeGreaterThan(links);
    const uploadStep = steps[upload]!;
    const uploaded = String(uploadStep.with?.["path"] ?? "").replace(/^\.\//, "").replace(/\/+$/, "");
    expect(uploaded).toBe("dist");
    expect(runs(uploadStep.if, PUSH_MAIN), "uploads on a push to main").toBe(true);
    expect(runs(uploadStep.if, PULL_REQUEST), "never uploads for a pull request").toBe(false);
    expect(runs(uploadStep.if, PUSH_MAIN_FAILED), "never uploads after a failed step").toBe(false);
  });
});

describe("deploy workflow: the link check", () => {
  it("checks the output the build wrote (dist/, the folder uploaded) under the build's base path, for pushes and pull requests", () => {
    const [, job] = testJob();
    const steps = job.steps ?? [];
    const build = steps[stepIndex(steps, (s) => runsCommand(s, "npm run build"), "runs npm run build")]!;
    const links = steps[stepIndex(steps, (s) => runsCommand(s, "npm run check:links"), "runs npm run check:links")]!;
    const envOf = (step: Step) => ({ ...workflow.env, ...job.env, ...step.env });
    expect(envOf(links)["DAYBOOK_BASE"], "the same base path as the build").toBe(envOf(build)["DAYBOOK_BASE"]);
    expect(envOf(links)["DAYBOOK_BASE"]).toBe("/${{ github.event.repository.name }}/");
    // The same output folder as the build and the upload: neither names another one.
    expect("DAYBOOK_OUT" in envOf(build) || "DAYBOOK_OUT" in envOf(links)).toBe(false);
    expect(commands(links.run)).toEqual(["npm run check:links"]);
    expect(runs(links.if, PUSH_MAIN)).toBe(true);
    expect(runs(links.if, PULL_REQUEST)).toBe(true);
  });

  it("npm run check:links runs scripts/check-links.ts", () => {
    expect(PACKAGE.scripts["check:links"]).toBe("node scripts/check-links.ts");
  });

  it("scripts/check-links.ts fails on a link outside the base path, passes a site whose links resolve, and refuses a missing build", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "daybook-check-links-"));
    for (const dir of ["content/days", "content/tags", "dist/day/1"]) mkdirSync(path.join(work, dir), { recursive: true });
    const page = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
    writeFileSync(path.join(work, "dist/index.html"), page('<a href="/journal/day/1/">day 1</a>'));
    const env = { ...cleanEnv(), DAYBOOK_BASE: "/journal/", DAYBOOK_CONTENT: path.join(work, "content") };
    const check = (dir: string) => runNode(["scripts/check-links.ts", dir], env);

    writeFileSync(path.join(work, "dist/day/1/index.html"), page('<a href="/day/1/">written without the base</a>'));
    const broken = await check(path.join(work, "dist"));
    expect(broken.code, broken.output).toBe(1);
    expect(broken.output).toContain(`the link "/day/1/" points outside the site's base path /journal/`);
    expect(broken.output).toContain("do not deploy it");

    writeFileSync(path.join(work, "dist/day/1/index.html"), page('<a href="/journal/">home</a>'));
    const fixed = await check(path.join(work, "dist"));
    expect(fixed.code, fixed.output).toBe(0);
    expect(fixed.output).toMatch(/2 links on 2 pages resolve under \/journal\//);

    const none = await check(path.join(work, "no-such-dist"));
    expect(none.code).toBe(1);
    expect(none.output).toContain("run `npm run build` first");
  });
});

describe("deploy workflow: the build cache", () => {
  const [, job] = testJob();
  const steps = job.steps ?? [];
  const index = (predicate: (step: Step) => boolean, what: string) => stepIndex(steps, predicate, what);
  const keyStep = () => steps[index((s) => runsCommand(s, 'echo "key=$(npm run --silent cache-key)" >> "$GITHUB_OUTPUT"'), "writes the cache key to the step's outputs")]!;
  const restore = () => steps[index((s) => usesAction(s, "actions/cache/restore"), "restores the cache")]!;
  const save = () => steps[index((s) => usesAction(s, "actions/cache/save"), "saves the cache")]!;
  const folder = (step: Step) => String(step.with?.["path"] ?? "").replace(/^\.\//, "").replace(/\/+$/, "");

  it("caches the build's own cache folder (src/integration/daybook-cache.ts), restored and saved alike", () => {
    expect(folder(restore())).toBe(CACHE_FOLDER);
    expect(folder(save())).toBe(CACHE_FOLDER);
  });

  it("keys it on what npm run cache-key prints, the key the build computes (source, lock file, Node)", async () => {
    expect(PACKAGE.scripts["cache-key"]).toBe("node scripts/cache-key.ts");
    const printed = await runNode(["scripts/cache-key.ts"], cleanEnv());
    expect(printed.code, printed.output).toBe(0);
    const key = cacheKey(ROOT);
    expect(printed.output.trim()).toBe(key.key);
    expect(key.key).toContain(process.version);
    const id = keyStep().id;
    expect(id, "the key step has an id to read its output by").toBeTruthy();
    const output = `\${{ steps.${id}.outputs.key }}`;
    expect(String(restore().with?.["key"]).startsWith(`${output}-`), "the key starts with the build's key").toBe(true);
    expect(String(restore().with?.["restore-keys"]).trim()).toBe(`${output}-`);
    expect(save().with?.["key"], "saved under the key restored from").toBe(restore().with?.["key"]);
  });

  it("restores after npm ci (which deletes node_modules, not the cache) and before the tests and the build", () => {
    const install = index((s) => runsCommand(s, "npm ci"), "runs npm ci");
    const keyAt = steps.indexOf(keyStep());
    const restoreAt = steps.indexOf(restore());
    expect(keyAt).toBeGreaterThan(install);
    expect(restoreAt).toBeGreaterThan(keyAt);
    expect(restoreAt).toBeLessThan(index((s) => runsCommand(s, "npm test"), "runs npm test"));
    expect(restoreAt).toBeLessThan(index((s) => runsCommand(s, "npm run build"), "runs npm run build"));
    expect(runs(restore().if, PULL_REQUEST), "a pull request's build starts warm too").toBe(true);
    expect(runs(restore().if, PUSH_MAIN)).toBe(true);
  });

  it("saves only from builds of main that passed, after the build and its link check, never for a pull request", () => {
    const saveAt = steps.indexOf(save());
    expect(saveAt).toBeGreaterThan(index((s) => runsCommand(s, "npm run build"), "runs npm run build"));
    expect(saveAt).toBeGreaterThan(index((s) => runsCommand(s, "npm run check:links"), "runs npm run check:links"));
    expect(runs(save().if, PUSH_MAIN), "a push to main saves").toBe(true);
    expect(runs(save().if, PULL_REQUEST), "a pull request never saves, even from a branch called main").toBe(false);
    expect(runs(save().if, { ...PUSH_MAIN, ref: "refs/heads/feature" }), "another branch never saves").toBe(false);
    expect(runs(save().if, PUSH_MAIN_FAILED), "a failed build never saves").toBe(false);
  });

  it("never uses actions/cache itself, which saves after every job, pull requests included", () => {
    for (const step of allSteps) expect(step.uses ?? "").not.toMatch(/^actions\/cache@/);
  });
});

describe("deploy workflow: deploy job", () => {
  it("needs the test and build job and runs only when it succeeded, on main, never for pull requests", () => {
    const [testId] = testJob();
    const [, job] = deployJob();
    expect(needsOf(job)).toContain(testId);
    expect(String(job.if ?? ""), "the condition names the event or the branch").toMatch(/github\.event_name|push|main/);
    expect(runs(job.if, PUSH_MAIN), "deploys a push to main").toBe(true);
    expect(runs(job.if, DISPATCH_MAIN), "deploys a manual run on main").toBe(true);
    expect(runs(job.if, PULL_REQUEST), "never deploys a pull request").toBe(false);
    expect(runs(job.if, { ...PUSH_MAIN, ref: "refs/heads/feature" }), "never deploys another branch").toBe(false);
    expect(runs(job.if, PUSH_MAIN_FAILED), "never deploys after a failed test or build").toBe(false);
  });

  it("has exactly pages: write and id-token: write, the github-pages environment and a concurrency group", () => {
    const [, job] = deployJob();
    expect(job.permissions).toEqual({ pages: "write", "id-token": "write" });
    const environment = typeof job.environment === "string" ? job.environment : job.environment?.name;
    expect(environment).toBe("github-pages");
    const concurrency = job.concurrency ?? workflow.concurrency;
    const group = typeof concurrency === "string" ? concurrency : concurrency?.group;
    expect(group, "a concurrency group").toBeTruthy();
    if (typeof concurrency === "object") {
      expect(concurrency["cancel-in-progress"], "a running deploy is never cancelled halfway").not.toBe(true);
    }
  });

  it("deploys with actions/deploy-pages", () => {
    const [, job] = deployJob();
    const steps = job.steps ?? [];
    const deploy = steps[stepIndex(steps, (s) => usesAction(s, "actions/deploy-pages"), "deploys to Pages")]!;
    expect(runs(deploy.if, PUSH_MAIN)).toBe(true);
    if (typeof job.environment === "object" && job.environment.url !== undefined) {
      expect(deploy.id, "the step the environment URL reads from").toBeTruthy();
      expect(job.environment.url).toContain(`steps.${deploy.id}.outputs.page_url`);
    }
  });
});

describe("deploy workflow: things it must never do", () => {
  it("never runs npm install, which may rewrite the lock file (the README's command is npm ci)", () => {
    for (const step of allSteps) {
      for (const command of commands(step.run)) {
        expect(command).not.toMatch(/\bnpm (install|i|add|in|ins|inst|insta|instal|isnt|isnta|isntal|isntall|update|up|upgrade)\b/);
      }
    }
  });

  it("never downloads a browser with Playwright", () => {
    expect(WORKFLOW_TEXT).not.toMatch(/playwright(-core)?(@[\w.^~-]+)?\s+install/);
    for (const step of allSteps) {
      expect(step.uses ?? "").not.toMatch(/playwright/i);
      expect(step.run ?? "").not.toMatch(/playwright/i);
    }
  });
});
