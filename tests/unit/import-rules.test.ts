import { describe, expect, it } from "vitest";
import { frontmatterDate, noteDate } from "../../src/integration/import/import-dates.ts";
import { stringList } from "../../src/integration/import/import-frontmatter.ts";
import { convertHtml, videoPage } from "../../src/integration/import/import-html.ts";
import { classifyNote } from "../../src/integration/import/import-layout.ts";
import { planImport } from "../../src/integration/import/import-plan.ts";
import { resolveLink, type LinkContext } from "../../src/integration/import/import-links.ts";
import { convertLiquid, type LiquidContext } from "../../src/integration/import/import-liquid.ts";
import { convertKramdownMaths } from "../../src/integration/import/import-maths.ts";
import { jekyllPermalink, normalisePermalink } from "../../src/integration/import/import-permalinks.ts";
import { tagId, tagTitle } from "../../src/integration/import/import-tags.ts";
import { firstHeading, firstParagraph, shorten, titleFromSlug } from "../../src/integration/import/import-title.ts";

/** One table per conversion rule: input as an author wrote it, output as the entry will hold it. */

const liquid: LiquidContext = {
  file: "_posts/2020-01-02-x.md",
  firstLine: 5,
  postUrl: (name) => (name === "2019-02-17-little-law" ? "./002-little-s-law.md" : undefined),
  link: (p) => (p === "_posts/2019-02-17-little-law.md" ? "./002-little-s-law.md" : undefined),
};

describe("Jekyll Liquid", () => {
  it.each([
    ["post_url", "[L]({% post_url 2019-02-17-little-law %})", "[L](./002-little-s-law.md)"],
    ["post_url without spaces or with an extension", "[L]({%post_url 2019-02-17-little-law.md%})", "[L](./002-little-s-law.md)"],
    ["link tag", "[L]({% link _posts/2019-02-17-little-law.md %})", "[L](./002-little-s-law.md)"],
    ["site.baseurl", "![a]({{ site.baseurl }}/assets/a.png)", "![a](/assets/a.png)"],
    ["site.url and baseurl", "[a]({{site.url}}{{site.baseurl}}/about/)", "[a](/about/)"],
    ["relative_url", `<img src="{{ '/assets/q.png' | relative_url }}">`, `<img src="/assets/q.png">`],
    ["relative_url without slash", `[x]({{ "about/" | relative_url }})`, "[x](/about/)"],
    ["highlight block", "{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}", "```ruby\nputs 1\n```"],
    ["highlight keeps Liquid inside as code", "{% highlight liquid %}\n{{ page.title }}\n{% endhighlight %}", "```liquid\n{{ page.title }}\n```"],
    ["raw markers go, their content stays", "{% raw %}{{ x }}{% endraw %} and {{ site.baseurl }}", "{{ x }} and "],
    ["raw across lines", "{% raw %}\n{{ a }}\n{% endraw %}", "\n{{ a }}\n"],
    ["inline code untouched", "`{{ site.baseurl }}` but {{ site.baseurl }}/x", "`{{ site.baseurl }}` but /x"],
    ["fenced code untouched", "```\n{{ site.baseurl }}\n```", "```\n{{ site.baseurl }}\n```"],
  ])("%s", (_name, input, output) => {
    expect(convertLiquid(input, liquid).text).toBe(output);
  });

  it.each([
    ["{% include note.html %}", 5, "{% include note.html %}"],
    ["text\n{{ page.title }}", 6, "{{ page.title }}"],
    ["[x]({% post_url 2001-01-01-gone %})", 5, "post_url 2001-01-01-gone"],
  ])("reports what it leaves: %s", (input, line, mentioned) => {
    const result = convertLiquid(input, liquid);
    expect(result.text).toBe(input);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatchObject({ file: liquid.file, line });
    expect(result.notes[0]!.message).toContain(mentioned);
  });

  it("keeps line numbers, so later notes point at the source line", () => {
    const input = "a\n{% highlight js %}\nx\n{% endhighlight %}\nb";
    expect(convertLiquid(input, liquid).text.split("\n")).toHaveLength(input.split("\n").length);
  });
});

describe("kramdown maths", () => {
  it.each([
    ["inline $$ becomes $", "so $$L = \\lambda W$$ holds", "so $L = \\lambda W$ holds"],
    ["a paragraph of its own is a display block", "$$\nL = \\lambda W\n$$", "$$\nL = \\lambda W\n$$"],
    ["a one-line display block", "$$ a^2 + b^2 $$", "$$\na^2 + b^2\n$$"],
    ["a lone dollar is a dollar", "It costs $5, or $$x$$ in all", "It costs \\$5, or $x$ in all"],
    ["escaped dollars stay", "\\$5", "\\$5"],
    ["inline code untouched", "`$$x$$` and $$y$$", "`$$x$$` and $y$"],
    ["fenced code untouched", "```\n$$x$$ $5\n```", "```\n$$x$$ $5\n```"],
    ["in a heading", "## Cost of $$n$$ calls", "## Cost of $n$ calls"],
    ["in a table cell", "| a | b |\n|---|---|\n| $$x$$ | $3 |", "| a | b |\n|---|---|\n| $x$ | \\$3 |"],
    ["emphasis-looking maths", "$$a_1 * b_2$$ and text", "$a_1 * b_2$ and text"],
  ])("%s", (_name, input, output) => {
    expect(convertKramdownMaths(input)).toBe(output);
  });
});

const links = (overrides: Partial<LinkContext> = {}): LinkContext => ({
  notePath: "git/bisect.md",
  entryForNote: (p) => ({ "git/blame.md": "002-blame.md", "http/curl.markdown": "007-curl.md", "notes/index.md": "009-index.md" })[p],
  entryForPermalink: (p) => ({ "/2019/02/17/little-law.html": "003-little.md", "/notes/own/": "004-own.md" })[p],
  tagForFolder: (f) => ({ git: "git", http: "http" })[f],
  isFile: (p) => p === "git/data.csv",
  isEntryFile: (name) => name === "005-x.md",
  titleAnchor: (p) => (p === "git/blame.md" ? "skip-formatting-commits" : undefined),
  ...overrides,
});

describe("links between notes", () => {
  it.each([
    ["web link", "https://example.com/a", { kind: "keep" }],
    ["mail", "mailto:a@example.com", { kind: "keep" }],
    ["anchor", "#usage", { kind: "keep" }],
    ["protocol-relative", "//cdn.example.com/x", { kind: "keep" }],
    ["sibling note", "blame.md", { kind: "rewrite", url: "./002-blame.md" }],
    ["sibling with ./ and anchor", "./blame.md#options", { kind: "rewrite", url: "./002-blame.md#options" }],
    ["anchor of the heading that became the title", "blame.md#skip-formatting-commits", { kind: "rewrite", url: "./002-blame.md" }],
    ["without extension", "blame", { kind: "rewrite", url: "./002-blame.md" }],
    ["as Jekyll's .html", "blame.html", { kind: "rewrite", url: "./002-blame.md" }],
    ["other folder and extension", "../http/curl.markdown", { kind: "rewrite", url: "./007-curl.md" }],
    ["root-relative note", "/http/curl.markdown", { kind: "rewrite", url: "./007-curl.md" }],
    ["folder index note", "../notes/", { kind: "rewrite", url: "./009-index.md" }],
    ["percent-escaped", "bl%61me.md", { kind: "rewrite", url: "./002-blame.md" }],
    ["old permalink", "/2019/02/17/little-law.html", { kind: "rewrite", url: "./003-little.md" }],
    ["old permalink without its slash", "/notes/own", { kind: "rewrite", url: "./004-own.md" }],
    ["topic folder", "../http/", { kind: "rewrite", url: "/tags/http/" }],
    ["already an entry file (post_url)", "./005-x.md", { kind: "keep" }],
  ])("%s: %s", (_name, url, expected) => {
    expect(resolveLink(url, links())).toEqual(expected);
  });

  it.each([
    ["missing note", "gone.md", /points at nothing/],
    ["outside the folder", "../../../etc/passwd", /outside the imported folder/],
    ["a file that is not a note", "data.csv", /not a note/],
    ["unknown page of the old site", "/about/", /points at nothing/],
    ["broken escape", "a%zz.md", /percent escape/],
  ])("unlinks %s", (_name, url, reason) => {
    const result = resolveLink(url, links());
    expect(result.kind).toBe("unlink");
    expect(result.kind === "unlink" && result.reason).toMatch(reason);
  });
});

describe("layouts", () => {
  it.each([
    ["_posts/2020-01-02-hello-world.md", false, { layout: "jekyll", fileDate: "2020-01-02", slug: "hello-world", folders: [], draft: false }],
    ["blog/_posts/2020-01-02-hello.markdown", true, { layout: "jekyll", slug: "hello", folders: ["blog"] }],
    ["_drafts/idea.md", true, { layout: "jekyll", draft: true, slug: "idea" }],
    ["Daily/2024-05-01.md", false, { layout: "daily", fileDate: "2024-05-01", folders: [] }],
    ["2024-05-01.mdown", false, { layout: "daily", fileDate: "2024-05-01" }],
    ["git/bisect.mkd", false, { layout: "til", slug: "bisect", folders: ["git"] }],
    ["lang/go/errors.mkdn", false, { layout: "til", folders: ["lang", "go"] }],
    ["top-level.md", false, { layout: "til", folders: [] }],
    ["til/2023-02-30-bad-date.md", false, { layout: "til", fileDate: undefined }],
  ])("%s", (notePath, jekyll, expected) => {
    expect(classifyNote(notePath, jekyll)).toMatchObject(expected);
  });

  it.each([
    ["README.md", false, /repository file/],
    ["git/readme.md", false, /repository file/],
    ["about.md", true, /Jekyll page/],
    ["_posts/no-date.md", true, /YYYY-MM-DD-title/],
  ])("skips %s", (notePath, jekyll, reason) => {
    const kind = classifyNote(notePath, jekyll);
    expect("skip" in kind && kind.skip).toMatch(reason);
  });
});

describe("dates", () => {
  const mtime = new Date("2025-06-07T08:09:10Z");
  it.each([
    ["frontmatter wins", "2020-01-02 10:30:00 +0100", "2021-01-01", { date: "2020-01-02", time: "10:30:00", source: "frontmatter" }],
    ["then the file name", undefined, "2021-01-01", { date: "2021-01-01", source: "file name" }],
    ["a broken frontmatter date is ignored", "2020-02-30", "2021-01-01", { date: "2021-01-01", source: "file name" }],
    ["then git", undefined, undefined, { date: "2019-05-06", time: "07:00:00", source: "git" }],
  ])("%s", (_name, front, fileDate, expected) => {
    expect(noteDate(front, fileDate, { date: "2019-05-06", time: "07:00:00" }, mtime)).toMatchObject(expected);
  });

  it("falls back to the file's modification time", () => {
    expect(noteDate(undefined, undefined, undefined, mtime)).toEqual({ date: "2025-06-07", time: "08:09:10", source: "file time" });
  });

  it.each([
    ["2020-01-02", { date: "2020-01-02", time: "" }],
    ["2020-01-02T9:05", { date: "2020-01-02", time: "09:05:00" }],
    [new Date("2020-01-02T03:04:05Z"), { date: "2020-01-02", time: "03:04:05" }],
    ["yesterday", undefined],
  ])("frontmatter date %s", (value, expected) => {
    expect(frontmatterDate(value)).toEqual(expected);
  });
});

describe("titles and summaries", () => {
  it.each([
    ["# Title\n\ntext", "Title"],
    ["```md\n# not a title\n```\n\n## Real *one*", "Real one"],
    ["Setext\n======\n", "Setext"],
    ["no heading", undefined],
  ])("first heading of %j", (markdown, title) => {
    expect(firstHeading(markdown)).toBe(title);
  });

  it.each([
    ["![only an image](x.png)\n\nThe **first** words, with `code` and [a link](x).", "The first words, with code and a link."],
    ["```sh\nls\n```", undefined],
    [`${"word ".repeat(100)}`, `${"word ".repeat(59).trim()}…`],
  ])("first paragraph of %j", (markdown, summary) => {
    const result = firstParagraph(markdown);
    expect(result).toBe(summary);
    if (result) expect(result.length).toBeLessThanOrEqual(300);
  });

  it("shortens at a word and titles a slug", () => {
    expect(shorten("one two three", 10)).toBe("one two…");
    expect(titleFromSlug("using-git_bisect")).toBe("Using git bisect");
  });
});

describe("tags", () => {
  it.each([
    ["PostgreSQL", "postgresql", "PostgreSQL"],
    ["postgresql", "postgresql", "PostgreSQL"],
    ["javascript", "javascript", "JavaScript"],
    ["Node.js", "node-js", "Node.js"],
    ["rate-limiting", "rate-limiting", "Rate Limiting"],
    ["css-grid", "css-grid", "CSS Grid"],
    ["life/errands", "life-errands", "Life Errands"],
    ["#obsidian-tag", "obsidian-tag", "Obsidian Tag"],
    ["GitHub Actions", "github-actions", "GitHub Actions"],
  ])("%s → id %s, title %s", (name, id, title) => {
    expect(tagId(name)).toBe(id);
    expect(tagTitle(id, name)).toBe(title);
  });

  it("has no id for a name without ASCII letters or digits", () => {
    expect(tagId("日本語")).toBeUndefined();
  });

  it.each([
    ["a b", true, ["a", "b"]],
    ["a b", false, ["a b"]],
    ["a, b", false, ["a", "b"]],
    [["x", 2, null], true, ["x", "2"]],
    [undefined, true, []],
  ])("lists %j (space separated: %s)", (value, spaces, list) => {
    expect(stringList(value, spaces)).toEqual(list);
  });
});

describe("old addresses", () => {
  const post = { categories: ["Web", "css"], date: "2020-01-02", time: "", slug: "hello" };
  it.each([
    [undefined, "/web/css/2020/01/02/hello.html"],
    ["date", "/web/css/2020/01/02/hello.html"],
    ["pretty", "/web/css/2020/01/02/hello/"],
    ["none", "/web/css/hello.html"],
    ["ordinal", "/web/css/2020/002/hello.html"],
    ["/blog/:year/:i_month/:i_day/:title/", "/blog/2020/1/2/hello/"],
    ["/:short_year/:slug:output_ext", "/20/hello.html"],
  ])("Jekyll permalink %s", (template, expected) => {
    expect(jekyllPermalink(post, template)).toBe(expected);
  });

  it("has no empty segment without categories", () => {
    expect(jekyllPermalink({ ...post, categories: [] }, undefined)).toBe("/2020/01/02/hello.html");
  });

  it.each([
    ["/git/bisect", { path: "/git/bisect" }],
    ["git/bisect", { path: "/git/bisect" }],
    ["/caf%C3%A9/", { path: "/café/" }],
    ["https://old.example.com/a/b.html?x=1", { path: "/a/b.html" }],
    ["/../etc/passwd", { problem: expect.stringMatching(/\.\. segment/) }],
    ["/a b/c", { problem: expect.stringMatching(/not allowed/) }],
    ["/day/3/", { problem: expect.stringMatching(/page of the new site/) }],
    ["/tags/", { problem: expect.stringMatching(/page of the new site/) }],
    ["/feed.xml", { problem: expect.stringMatching(/extension/) }],
    ["/%E0%A4%A", { problem: expect.stringMatching(/percent escape/) }],
  ])("normalises %s", (raw, expected) => {
    expect(normalisePermalink(raw)).toEqual(expected);
  });
});

describe("video players", () => {
  it.each([
    ["https://www.youtube.com/embed/dQw4w9WgXcQ?start=3", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["//www.youtube-nocookie.com/embed/abcdefgh", "https://www.youtube.com/watch?v=abcdefgh"],
    ["https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871"],
    ["https://example.com/embed/x", undefined],
  ])("%s", (src, page) => {
    expect(videoPage(src)?.url).toBe(page);
  });
});

describe("raw HTML", () => {
  const convert = (html: string) => {
    const notes: string[] = [];
    const alts: string[] = [];
    const out = convertHtml(html, {
      image: (src) => (src === "a.png" ? { kind: "copy", url: "./001-x/a.png", copy: { from: "/a.png", name: "a.png" } } : src.startsWith("https:") ? { kind: "keep" } : { kind: "refuse", reason: `the image ${src} is not in the imported folder` }),
      link: (href) => resolveLink(href, links()),
      altFilled: (src, alt) => alts.push(`${src}=${alt}`),
      note: (m) => notes.push(m),
      altFromFileName: (src) => src.replace(/\.\w+$/, ""),
    });
    return { out, notes, alts };
  };
  it.each([
    ["copied image, alt from the file name", '<img src="a.png" width="40">', '<img src="./001-x/a.png" width="40" alt="a">'],
    ["alt from the title", '<img src="a.png" title="A diagram">', '<img src="./001-x/a.png" title="A diagram" alt="A diagram">'],
    ["alt from the figure's caption", '<figure><img src="https://x.test/b.png"><figcaption>The <em>caption</em></figcaption></figure>', '<figure><img src="https://x.test/b.png" alt="The caption"><figcaption>The <em>caption</em></figcaption></figure>'],
    ["an empty alt is decorative and stays", '<img src="a.png" alt="">', '<img src="./001-x/a.png" alt="">'],
    ["entities decoded, then escaped again", '<img src="a.png" alt="Tom &amp; &quot;Jerry&quot;">', '<img src="./001-x/a.png" alt="Tom &amp; &quot;Jerry&quot;">'],
    ["a missing image becomes its alt text", '<p><img src="gone.png" alt="Gone"></p>', "<p>Gone</p>"],
    ["a link to a note", '<a href="blame.md" class="x">blame</a>', '<a href="./002-blame.md" class="x">blame</a>'],
    ["a link to nothing loses its href", '<a href="gone.md" id="g">gone</a>', '<a id="g">gone</a>'],
    ["a web link stays", '<a href="https://example.com">x</a>', '<a href="https://example.com">x</a>'],
    ["YouTube player", '<iframe src="https://www.youtube.com/embed/abcdefgh" title="Talk"></iframe>', '<a href="https://www.youtube.com/watch?v=abcdefgh">Video on YouTube: Talk</a>'],
    ["another frame", '<iframe src="https://codepen.io/x/embed/y"></iframe>', '<a href="https://codepen.io/x/embed/y">https://codepen.io/x/embed/y</a>'],
    ["a gist", '<script src="https://gist.github.com/me/abcdef1234.js"></script>', '<a href="https://gist.github.com/me/abcdef1234">Gist abcdef1</a>'],
    ["an inline script", "<div><script>alert(1)</script>text</div>", "<div>text</div>"],
  ])("%s", (_name, html, expected) => {
    expect(convert(html).out).toBe(expected);
  });

  it("lists the alt text it wrote and what it changed", () => {
    expect(convert('<img src="a.png">').alts).toEqual(["a.png=a"]);
    expect(convert('<a href="gone.md">x</a>').notes[0]).toMatch(/points at nothing.*kept without the link/);
    expect(convert("<script>x()</script>").notes[0]).toMatch(/inline script was removed/);
  });
});

describe("planning: day numbers and tags", () => {
  const note = (p: string, text: string) => ({ path: p, absolute: `/x/${p}`, text, mtime: new Date("2020-01-01T00:00:00Z") });
  const plan = (notes: ReturnType<typeof note>[], firstDay = 1) =>
    planImport({ notes, jekyllSite: false, sitePermalink: undefined, obsidianVault: false, firstCommits: new Map(), today: "2026-11-23", firstDay });

  it("numbers notes in date order, then time of day, then path, from the first free day", () => {
    const { planned } = plan([
      note("b/late.md", "---\ndate: 2024-01-02 18:00\n---\n# Late\n"),
      note("b/second.md", "---\ndate: 2024-01-02\n---\n# Second\n"),
      note("a/first.md", "---\ndate: 2024-01-02\n---\n# First\n"),
      note("z/morning.md", "---\ndate: 2024-01-02 08:00\n---\n# Morning\n"),
      note("z/older.md", "---\ndate: 2023-12-31\n---\n# Older\n"),
    ], 21);
    expect(planned.map((p) => [p.day, p.title])).toEqual([[21, "Older"], [22, "First"], [23, "Second"], [24, "Morning"], [25, "Late"]]);
    expect(planned.map((p) => p.stem)).toEqual(["021-older", "022-first", "023-second", "024-morning", "025-late"]);
  });

  it("keeps at most 10 tags and says which it left out; a note with none gets the default", () => {
    const tags = Array.from({ length: 12 }, (_, i) => `t${i + 1}`).join(", ");
    const { planned, notes } = plan([note("many.md", `---\ndate: 2024-01-01\ntags: [${tags}]\n---\nText.\n`), note("none.md", "---\ndate: 2024-01-02\n---\nText.\n")]);
    expect(planned[0]!.tags.map((t) => t.id)).toEqual(["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10"]);
    expect(notes.find((n) => n.file === "many.md")?.message).toMatch(/12 tags, over Daybook's 10; kept the first 10 \(t11, t12 left out\)/);
    expect(planned[1]!.tags).toEqual([{ id: "notes", original: "notes" }]);
  });

  it("gives an old address to one note only", () => {
    const { planned, notes } = plan([
      note("a.md", "---\ndate: 2024-01-01\npermalink: /same/\n---\nA.\n"),
      note("b.md", "---\ndate: 2024-01-02\nredirect_from: /same/\n---\nB.\n"),
    ]);
    expect(planned.map((p) => p.permalinks)).toEqual([["/same/"], ["/b"]]); // b keeps its own TIL address
    expect(notes.find((n) => n.file === "b.md")?.message).toMatch(/also a\.md's/);
  });
});
