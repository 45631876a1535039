import path from "node:path";
import config, { type DaybookConfig } from "../../daybook.config.ts";

export interface DaybookSettings extends DaybookConfig {
  /** Absolute path of the content folder. */
  contentRoot: string;
  /** Absolute project root. */
  root: string;
}

/** daybook.config.ts with the environment's overrides applied (`DAYBOOK_SITE`, `DAYBOOK_BASE`, `DAYBOOK_CONTENT`). */
export function daybookSettings(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): DaybookSettings {
  const base = normaliseBase(env.DAYBOOK_BASE || config.base);
  const site = (env.DAYBOOK_SITE || config.site).replace(/\/+$/, "");
  const contentDir = env.DAYBOOK_CONTENT || config.contentDir;
  return { ...config, base, site, contentDir, root, contentRoot: path.resolve(root, contentDir) };
}

/** `journal` → `/journal/`; `/` stays `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
