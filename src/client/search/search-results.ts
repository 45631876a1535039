import type { PagefindResultData, TagInfo } from "./pagefind-loader.ts";

/**
 * Pagefind's excerpts are HTML (escaped text plus <mark>). They are parsed in an inert document
 * and rebuilt from text nodes and <mark> only, so nothing in an excerpt can become markup.
 */
export function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  const nodes: Node[] = [];
  for (const node of parsed.body.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(node.textContent ?? ""));
    else if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ""));
  }
  return nodes;
}

/** Where a result should lead: the matching heading when the match is under one, else the page. */
export function resultHref(data: PagefindResultData): string {
  const heading = data.sub_results?.find((sub) => /#(?!entry-title$)/.test(sub.url) && /<mark>/.test(sub.excerpt));
  return heading?.url ?? data.url;
}

/**
 * One result: "Day N" and date, the title as a real link (so it opens in a new tab, copies and
 * middle-clicks like any link; CSS stretches it over the whole card), the excerpt with marks,
 * and the tags.
 */
export function renderResult(data: PagefindResultData, tags: TagInfo): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";

  const meta = document.createElement("p");
  meta.className = "entry-meta";
  const kind = document.createElement("span");
  kind.className = "day-number";
  kind.textContent = data.meta.kind === "tag" ? "Tag" : `Day ${data.meta.day ?? "?"}`;
  meta.append(kind);
  if (data.meta.date) {
    const time = document.createElement("time");
    time.dateTime = data.meta.date;
    time.textContent = data.meta.date;
    meta.append(time);
  }

  const link = document.createElement("a");
  link.className = "search-result-title";
  link.href = resultHref(data);
  link.textContent = data.meta.title ?? data.url;

  const excerpt = document.createElement("p");
  excerpt.className = "search-excerpt";
  excerpt.append(...excerptNodes(data.excerpt));

  item.append(meta, link, excerpt);
  const ids = (data.filters.tag ?? []).filter(() => data.meta.kind !== "tag");
  if (ids.length) {
    const list = document.createElement("p");
    list.className = "search-result-tags";
    list.textContent = ids.map((t) => tags[t]?.title ?? t).join(" · ");
    item.append(list);
  }
  return item;
}

/** "Closest tags: A, B, C" as links to the tag pages, for a query that found nothing. */
export function renderClosestTags(ids: string[], tags: TagInfo, base: string): Node[] {
  if (ids.length === 0) return [];
  const nodes: Node[] = [document.createTextNode("Closest tags: ")];
  ids.forEach((id, i) => {
    const link = document.createElement("a");
    link.href = `${base}tags/${id}/`;
    link.textContent = tags[id]?.title ?? id;
    if (i > 0) nodes.push(document.createTextNode(", "));
    nodes.push(link);
  });
  return nodes;
}
