import { isReservedPermalink, permalinkProblem } from "../../lib/old-permalinks.ts";

/** Jekyll's named permalink styles (https://jekyllrb.com/docs/permalinks/#built-in-formats). */
const JEKYLL_STYLES: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

export interface JekyllPost {
  /** Categories, folders above `_posts` first. */
  categories: string[];
  date: string;
  time: string;
  /** `:title`: the slug in the file name (or the frontmatter's `slug`). */
  slug: string;
}

/**
 * A Jekyll post's address: the post's `permalink`, else the site's (`_config.yml`), else
 * Jekyll's default `/:categories/:year/:month/:day/:title.html`. Placeholders as Jekyll fills them.
 */
export function jekyllPermalink(post: JekyllPost, template: string | undefined): string {
  const pattern = JEKYLL_STYLES[template ?? "date"] ?? template ?? JEKYLL_STYLES.date!;
  const [year, month, day] = post.date.split("-");
  const [hour = "00", minute = "00", second = "00"] = post.time ? post.time.split(":") : [];
  const start = Date.UTC(Number(year), 0, 1);
  const yDay = String(Math.floor((Date.UTC(Number(year), Number(month) - 1, Number(day)) - start) / 86_400_000) + 1).padStart(3, "0");
  const values: Record<string, string> = {
    categories: [...new Set(post.categories.map((c) => c.toLowerCase()))].join("/"),
    year: year!,
    month: month!,
    day: day!,
    i_month: String(Number(month)),
    i_day: String(Number(day)),
    short_year: year!.slice(2),
    y_day: yDay,
    hour,
    minute,
    second,
    title: post.slug,
    slug: post.slug,
    output_ext: ".html",
  };
  const filled = pattern.replace(/:(categories|short_year|output_ext|i_month|i_day|y_day|year|month|day|hour|minute|second|title|slug)/g, (_m, key: string) => values[key]!);
  return `/${filled}`.replace(/\/{2,}/g, "/");
}

/**
 * Cleans one old address for `redirectFrom`: percent escapes decoded (static hosts decode the
 * request before finding the file), a leading `/`. Returns the reason it cannot be used instead.
 */
export function normalisePermalink(raw: string): { path: string } | { problem: string } {
  let decoded: string;
  try {
    decoded = decodeURI(raw.trim()).replace(/[?#].*$/, "");
  } catch {
    return { problem: `the old address "${raw}" has a broken percent escape` };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded)) {
    try {
      decoded = new URL(decoded).pathname; // a full URL of the old site
    } catch {
      return { problem: `the old address "${raw}" is not a path` };
    }
  }
  const path = decoded.startsWith("/") ? decoded : `/${decoded}`;
  const problem = permalinkProblem(path);
  if (problem) return { problem: `the old address "${path}" ${problem}, so it gets no redirect page` };
  if (isReservedPermalink(path)) return { problem: `the old address "${path}" is a page of the new site itself, so it gets no redirect page` };
  return { path };
}
