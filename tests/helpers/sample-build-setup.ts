// Vitest global setup for the "site" project: builds the sample journal once, so every browser
// test reads the same `npm run build` output instead of building it again.
import type { TestProject } from "vitest/node";
import { buildSite, type BuildResult } from "./build-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    sampleBuild: BuildResult;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide("sampleBuild", await buildSite({ content: "content" }));
}
