// How a link written in an entry is published: the rules of resolveEntryLink, case by case.
import { describe, expect, it } from "vitest";
import { resolveEntryLink, type LinkResolution, type LinkTargets } from "../../src/integration/links/entry-link-resolve.ts";

const FROM = "content/days/005-links.md";
const targets = (base: string): LinkTargets => ({
  base,
  contentDir: "content",
  pages: new Map([
    ["content/days/002-second.md", "day/2/"],
    ["content/days/topics/008-deep.mdx", "day/8/"],
    ["content/days/my note.mdx", "day/9/"],
    ["content/tags/retries.md", "tags/retries/"],
  ]),
  exists: (file) => ["content/days/005-links/chart.png", "content/assets/report.pdf", "content/days/images"].includes(file),
});

const keep: LinkResolution = { kind: "keep" };
const to = (url: string): LinkResolution => ({ kind: "rewrite", url });

describe("resolveEntryLink under the base /journal/", () => {
  it.each<[string, LinkResolution]>([
    // Root-relative: the page of the site, under the base.
    ["/day/8/", to("/journal/day/8/")],
    ["/tags/retries/#why", to("/journal/tags/retries/#why")],
    ["/search/?q=two+phase&tag=x", to("/journal/search/?q=two+phase&tag=x")],
    ["/", to("/journal/")],
    ["/rss.xml", to("/journal/rss.xml")],
    ["  /day/8/\n", to("/journal/day/8/")],
    ["\\day\\8\\", to("/journal/day/8/")],
    ["/search/?q=a\\b", to("/journal/search/?q=a\\b")],
    ["/journalism/", to("/journal/journalism/")],
    // Already under the base: as written.
    ["/journal/day/8/", keep],
    ["/journal", keep],
    ["/journal#top", keep],
    ["/journal?q=x", keep],
    // Other sites and schemes, and the page itself: as written.
    ["https://example.com/day/8/", keep],
    ["HTTP://example.com", keep],
    ["mailto:me@example.com", keep],
    ["javascript:alert(1)", keep],
    ["JaVaScRiPt:alert(1)", keep],
    ["data:text/html,<script>alert(1)</script>", keep],
    ["//evil.com/day/8/", keep],
    ["/\\evil.com", keep],
    ["\\\\evil.com", keep],
    ["\\/evil.com", keep],
    [" \t//evil.com", keep],
    ["#section", keep],
    ["?q=x", keep],
    ["", keep],
    // Encoded root-relative paths stay encoded, under the base: never a second slash in front.
    ["/%2Fevil.com", to("/journal/%2Fevil.com")],
    ["/%5Cevil.com", to("/journal/%5Cevil.com")],
  ])("%j", (written, expected) => expect(resolveEntryLink(written, FROM, targets("/journal/"))).toEqual(expected));
});

describe("resolveEntryLink: another entry's or tag's file, as GitHub resolves it", () => {
  it.each<[string, LinkResolution]>([
    ["./002-second.md", to("/journal/day/2/")],
    ["002-second.md", to("/journal/day/2/")],
    ["002-second.md#the-idea", to("/journal/day/2/#the-idea")],
    ["./topics/008-deep.mdx", to("/journal/day/8/")],
    ["../days/002-second.md", to("/journal/day/2/")],
    ["../tags/retries.md", to("/journal/tags/retries/")],
    ["../tags/retries.md#related", to("/journal/tags/retries/#related")],
    ["../tags/", to("/journal/tags/")],
    ["../tags", to("/journal/tags/")],
    ["./", to("/journal/")],
    ["./my%20note.mdx", to("/journal/day/9/")],
    ["./my note.mdx", to("/journal/day/9/")],
    ["./%30%30%32-second.md", to("/journal/day/2/")],
    ["./topics/../002-second.md", to("/journal/day/2/")],
    ["./002-second.md?plain=1#L3", to("/journal/day/2/?plain=1#L3")],
    // Existing files that are not entries: as written (images and assets are published elsewhere).
    ["./005-links/chart.png", keep],
    ["../assets/report.pdf", keep],
    ["./images", keep],
    // Missing files, and paths that leave the content folder.
    ["./003-third.md", { kind: "missing", file: "content/days/003-third.md", fragment: "" }],
    ["003-third.md#x", { kind: "missing", file: "content/days/003-third.md", fragment: "#x" }],
    ["./002-Second.md", { kind: "missing", file: "content/days/002-Second.md", fragment: "" }],
    ["./002-second", { kind: "missing", file: "content/days/002-second", fragment: "" }],
    ["../2/", { kind: "missing", file: "content/2", fragment: "" }],
    ["./%E0%A4%A.md", { kind: "missing", file: "content/days/%E0%A4%A.md", fragment: "" }],
    ["java\tscript:alert(1)", keep],
    ["../../../etc/passwd.md", { kind: "outside", file: "../etc/passwd.md" }],
    ["../../README.md", { kind: "outside", file: "README.md" }],
    ["..%2F..%2F..%2Fetc%2Fpasswd.md", { kind: "outside", file: "../etc/passwd.md" }],
    ["%2e%2e/%2e%2e/package.json", { kind: "outside", file: "package.json" }],
    ["./x%00.md", { kind: "missing", file: "content/days/x\0.md", fragment: "" }],
  ])("%j", (written, expected) => expect(resolveEntryLink(written, FROM, targets("/journal/"))).toMatchObject(expected));
});

describe("resolveEntryLink names the entry or tag file a link leads to", () => {
  it.each<[string, string | undefined]>([
    ["./002-second.md#x", "content/days/002-second.md"],
    ["../tags/retries.md", "content/tags/retries.md"],
    ["./my%20note.mdx", "content/days/my note.mdx"],
    ["../tags/", undefined],
    ["/day/8/", undefined],
  ])("%j → %s", (written, file) => {
    const target = resolveEntryLink(written, FROM, targets("/journal/"));
    expect(target.kind === "rewrite" ? target.file : "not published").toBe(file);
  });
});

describe("resolveEntryLink at the root base /", () => {
  it.each<[string, LinkResolution]>([
    ["/day/8/", keep],
    ["/search/?q=x", keep],
    ["\\day\\8\\", to("/day/8/")],
    ["//evil.com", keep],
    ["./002-second.md#x", to("/day/2/#x")],
    ["../tags/retries.md", to("/tags/retries/")],
  ])("%j", (written, expected) => expect(resolveEntryLink(written, FROM, targets("/"))).toMatchObject(expected));
});
