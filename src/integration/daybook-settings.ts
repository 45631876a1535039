import path from "node:path";
import config, { type DaybookConfig } from "../../daybook.config.ts";
import { canonicalTimeZone, suggestTimeZones } from "../lib/time-zone.ts";

export interface DaybookSettings extends DaybookConfig {
  /** Absolute path of the content folder. */
  contentRoot: string;
  /** Absolute project root. */
  root: string;
  /** The journal's time zone, checked and canonical ("UTC" when the config leaves it out). */
  timeZone: string;
  /** Whether entries get share images (true when the config leaves it out). */
  shareImages: boolean;
}

/** daybook.config.ts with the environment's overrides applied (`DAYBOOK_SITE`, `DAYBOOK_BASE`, `DAYBOOK_CONTENT`, `DAYBOOK_TIME_ZONE`, `DAYBOOK_SHARE_IMAGES`). */
export function daybookSettings(env: NodeJS.ProcessEnv = process.env, root = process.cwd(), fileConfig: DaybookConfig = config): DaybookSettings {
  const base = normaliseBase(env.DAYBOOK_BASE || fileConfig.base);
  const site = (env.DAYBOOK_SITE || fileConfig.site).replace(/\/+$/, "");
  const contentDir = env.DAYBOOK_CONTENT || fileConfig.contentDir;
  const timeZone = env.DAYBOOK_TIME_ZONE?.trim()
    ? checkedTimeZone(env.DAYBOOK_TIME_ZONE, "DAYBOOK_TIME_ZONE in the environment")
    : checkedTimeZone(fileConfig.timeZone ?? "UTC", "timeZone in daybook.config.ts");
  const shareImages = env.DAYBOOK_SHARE_IMAGES?.trim() ? checkedSwitch(env.DAYBOOK_SHARE_IMAGES, "DAYBOOK_SHARE_IMAGES in the environment") : (fileConfig.shareImages ?? true);
  return { ...fileConfig, base, site, contentDir, timeZone, shareImages, root, contentRoot: path.resolve(root, contentDir) };
}

/** The folder of the journal's entries (its tags are in "tags" beside it). */
export function journalDaysFolder(settings: Pick<DaybookSettings, "contentRoot">): string {
  return path.join(settings.contentRoot, "days");
}

/** `true`/`1` or `false`/`0`, any case; anything else is an error naming where it was set. */
export function checkedSwitch(value: string, where: string): boolean {
  const word = value.trim().toLowerCase();
  if (word === "true" || word === "1") return true;
  if (word === "false" || word === "0") return false;
  throw new Error(`${where}: "${value}" is neither true nor false. Write true or false (or 1 or 0).`);
}

/** `journal` → `/journal/`; `/` stays `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * A zone `Intl` knows, in its canonical spelling; otherwise an error naming where it was set,
 * since every "today" in the journal would be wrong (or the build would crash later, far from the cause).
 */
export function checkedTimeZone(name: string, where: string): string {
  const zone = canonicalTimeZone(name);
  if (zone) return zone;
  const guesses = suggestTimeZones(name);
  const hint = guesses.length ? `Did you mean ${guesses.map((g) => `"${g}"`).join(" or ")}? ` : "";
  throw new Error(
    `${where}: "${name}" is not a time zone name this Node.js knows. ` +
      `${hint}Write an IANA name such as "Europe/Berlin", "America/New_York", "Asia/Tokyo" or "UTC" (the default).`,
  );
}
