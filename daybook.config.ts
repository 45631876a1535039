/**
 * The one file a maintainer edits to make Daybook their own journal.
 * `DAYBOOK_SITE` and `DAYBOOK_BASE` in the environment override `site` and `base`
 * (handy for CI deploys to a sub-path such as GitHub Pages project sites).
 */
export interface DaybookConfig {
  /** Shown in the header, the page titles and the feed. */
  title: string;
  /** One or two sentences: what this journal is about. Used on the home page, feed and meta tags. */
  description: string;
  /** Who writes the journal; shown in the footer and the feed. */
  author: string;
  /** Public origin of the deployed site, without the sub-path, e.g. `https://you.github.io`. */
  site: string;
  /** Sub-path the site is served under, e.g. `/journal/`; `/` for the root of a domain. */
  base: string;
  /** Folder holding `days/` and `tags/`, relative to the project root. */
  contentDir: string;
  /** BCP 47 language of the writing, used for `<html lang>` and date formatting. */
  language: string;
  /** Entries larger than this many bytes are rejected (a pasted log or binary blob, usually). */
  maxEntryBytes: number;
  /**
   * The most CPU time (ms) all snippets together may use in one build; past it the rest are not
   * run and the build fails naming the slowest. Bounds what a hostile pull request can cost CI.
   */
  snippetCpuBudgetMs: number;
  /**
   * Whether entries may show images from other sites (`![…](https://…)`). `false` takes `https:`
   * out of the pages' Content-Security-Policy and makes each remote image a build error, so
   * readers' browsers never contact another site for an entry.
   */
  remoteImages: boolean;
  /**
   * The journal's time zone, an IANA name such as "Europe/Berlin" or "Asia/Tokyo" (default
   * "UTC"). "Today" is the date there, whatever the machine's clock zone: for `npm run new`,
   * the rule that no entry is dated after the build date, the streak, the calendar and the
   * feed's dates. Set it to where you write, so an entry written at 08:00 in Tokyo is not "in
   * the future" for a CI runner in UTC. `DAYBOOK_TIME_ZONE` in the environment overrides it.
   */
  timeZone?: string;
  /**
   * Whether each entry gets a 1200×630 share image (`/og/day/N.png`, "Day N", the title and the
   * tags) and the `og:image` tags that point social sites at it (default true). Without them a
   * shared link shows the title and summary only, and a long journal builds faster.
   * `DAYBOOK_SHARE_IMAGES=false` in the environment overrides it.
   */
  shareImages?: boolean;
}

const config: DaybookConfig = {
  title: "Daybook",
  description:
    "A backend engineer's learning journal: logic, data and reliability, one day at a time, with code you can run.",
  author: "The Daybook team",
  site: "http://localhost:4321",
  base: "/",
  contentDir: "content",
  language: "en",
  maxEntryBytes: 1_000_000,
  snippetCpuBudgetMs: 600_000,
  remoteImages: true,
  timeZone: "UTC",
  shareImages: true,
};

export default config;
