import type { PagefindResultData } from "./pagefind-loader.ts";

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
 * One result as an option: "Day N", title, date, excerpt with marks, and tags. An option may
 * not contain a link (nested interactive content), so it carries its address in `data-href`
 * and the controller opens it on click or Enter.
 */
export function renderResult(data: PagefindResultData, id: string, tagTitles: Record<string, string>): HTMLLIElement {
  const item = document.createElement("li");
  item.id = id;
  item.className = "search-result";
  item.setAttribute("role", "option");
  item.setAttribute("aria-selected", "false");

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

  item.dataset.href = resultHref(data);
  const link = document.createElement("span");
  link.className = "search-result-title";
  link.textContent = data.meta.title ?? data.url;

  const excerpt = document.createElement("p");
  excerpt.className = "search-excerpt";
  excerpt.append(...excerptNodes(data.excerpt));

  item.append(meta, link, excerpt);
  const tags = (data.filters.tag ?? []).filter(() => data.meta.kind !== "tag");
  if (tags.length) {
    const list = document.createElement("p");
    list.className = "search-result-tags";
    list.textContent = tags.map((t) => tagTitles[t] ?? t).join(" · ");
    item.append(list);
  }
  return item;
}
