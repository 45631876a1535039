import { readFileSync } from "node:fs";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { htmlFiles } from "../helpers/html.ts";

/**
 * Every page of the built sample journal passes html-validate's recommended rules, with one
 * documented exception in .htmlvalidate.json:
 * - long-title: page titles are "Day N: <the author's title> · <journal>"; a journal's titles
 *   are the author's words, and cutting them would lose more than the SEO advice gains.
 */
describe("HTML validity", () => {
  // The built pages live outside the repository, so the config is loaded explicitly.
  const config = JSON.parse(readFileSync(".htmlvalidate.json", "utf8")) as ConfigData;
  const validator = new HtmlValidate(new StaticConfigLoader(config));

  it("applies the recommended rules (a known mistake is caught)", async () => {
    const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><img src="a.png"><button>x</button></body></html>');
    expect(report.valid).toBe(false);
    expect(report.results[0]!.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(["wcag/h37", "no-implicit-button-type"]));
  });

  it("every built page passes html-validate's recommended rules", async () => {
    const build = inject("sampleBuild");
    expect(build.code, build.output).toBe(0);
    const files = htmlFiles(build.outDir);
    expect(files.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(`${build.outDir}/${file}`);
      for (const result of report.results) {
        for (const m of result.messages) failures.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
