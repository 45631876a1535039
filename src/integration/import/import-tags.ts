import { stringify } from "yaml";
import { slugify } from "../../lib/slug.ts";

/** The tag a note gets when its layout and frontmatter give it none (a daily note, a note at the folder's top). */
export const DEFAULT_TAG = "notes";
export const MAX_TAGS = 10;

/** A tag id (lowercase ASCII kebab-case) from a folder name, category or tag: `Node.js` → `node-js`, `lang/go` → `lang-go`. */
export function tagId(name: string): string | undefined {
  return slugify(name.replace(/^#/, ""), 60) || undefined;
}

/** Names whose usual spelling title case gets wrong. */
const SPELLINGS: Record<string, string> = Object.fromEntries(
  (
    "AI API AWS CI CLI CPU CSS CSV DNS GPU HTML HTTP HTTPS IP IPv6 JSON JWT LLM ML PDF PHP SQL SSH SVG TCP TLS UDP UI URL UX XML YAML " +
    "PostgreSQL MySQL SQLite MongoDB JavaScript TypeScript GitHub GitLab GraphQL macOS iOS npm jq tmux webpack LaTeX OAuth DevOps " +
    "Node.js Next.js Vue.js VS-Code Neovim Zsh .NET C# C++ Kubernetes Terraform Postgres Redis Docker Linux"
  )
    .split(" ")
    .map((name) => [slugify(name.replace(/#/g, "sharp").replace(/\+\+/g, "pp").replace(/^\./, "dot")), name.replace(/-/g, " ")]),
);

/**
 * A readable title for a tag: the author's own spelling when it has capitals (`GitHub Actions`),
 * else known names (`postgresql` → "PostgreSQL") and title case for the rest (`rate-limiting` → "Rate Limiting").
 */
export function tagTitle(id: string, original?: string): string {
  const own = original?.trim().replace(/^#/, "");
  if (own && /[A-Z]/.test(own) && tagId(own) === id) return own.slice(0, 80);
  const whole = SPELLINGS[id];
  if (whole) return whole;
  return id
    .split("-")
    .map((word) => SPELLINGS[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ")
    .slice(0, 80);
}

/** The tag file, `content/tags/<id>.md`: its title and a line saying where it came from. */
export function tagFileText(title: string, origin: string): string {
  return `---\n${stringify({ title }, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" })}---\n\n${origin}\n`;
}
