import { BASE, loadPagefind, loadTags, type PagefindResultData, type PagefindSearch, type TagInfo } from "./pagefind-loader.ts";
import { renderClosestTags, renderResult, resultHref } from "./search-results.ts";
import { unmatchedTerms, queryTerms } from "./real-matches.ts";
import { closestTags } from "./closest-tags.ts";
import { attachResultKeys } from "./result-keys.ts";

export interface SearchElements {
  input: HTMLInputElement;
  results: HTMLElement;
  filters: HTMLElement;
  /** The polite live region: what was found, as a sentence. */
  status: HTMLElement;
  /** The closest tags, when nothing matched. */
  suggest: HTMLElement;
}

/** What the status says before anything is asked. */
export const EMPTY_QUERY_STATUS = "Type to search every day of the journal.";

/**
 * Live search shared by the dialog and the /search/ page: results as the reader types (real
 * links), tag filter chips with counts, arrow keys to move between results, Enter to open.
 * A query with no real word in the journal gets "No results" and the closest tags, never the
 * pages that happen to contain a one-letter variable. Queries are only ever shown as text.
 */
export function attachSearch(el: SearchElements, options: { limit: number; onQuery?: (query: string, tags: string[]) => void }) {
  const selected = new Set<string>();
  let generation = 0;

  async function run(): Promise<void> {
    const mine = ++generation;
    const query = el.input.value.trim();
    options.onQuery?.(query, [...selected]);
    let pagefind;
    try {
      pagefind = await loadPagefind();
    } catch (error) {
      el.status.textContent = (error as Error).message;
      return;
    }
    const filters = selected.size ? { filters: { tag: [...selected] } } : {};
    const [tags, first] = await Promise.all([loadTags(), pagefind.debouncedSearch(query || null, filters, 60)]);
    if (!first || mine !== generation) return; // a newer keystroke took over
    if (!query && selected.size === 0) {
      show([], tags);
      renderChips(await pagefind.filters(), tags);
      el.status.textContent = EMPTY_QUERY_STATUS;
      return;
    }
    let search: PagefindSearch = first;
    // Words that only matched through a shorter word (Pagefind's fallback) found nothing real.
    // The top result tells, before any other result's excerpt is fetched.
    const top = query ? await search.results[0]?.data() : undefined;
    if (mine !== generation) return;
    const dropped = top ? unmatchedTerms(query, top) : [];
    const kept = queryTerms(query).filter((t) => !dropped.includes(t));
    if (dropped.length && kept.length) {
      // The other words did match: search for them alone (their index chunks are already loaded).
      const again = await pagefind.debouncedSearch(kept.join(" "), filters, 0);
      if (!again || mine !== generation) return;
      search = again;
    }
    const data = dropped.length && !kept.length ? [] : await resultData(search);
    if (mine !== generation) return;
    show(data, tags, query);
    renderChips(data.length ? search.filters : {}, tags);
    const what = query ? `“${query}”` : "the selected tags";
    const count = data.length ? search.results.length : 0;
    const within = selected.size ? ` in ${[...selected].map((t) => tags[t]?.title ?? t).join(" + ")}` : "";
    const missing = dropped.length && count ? ` No day mentions ${dropped.map((t) => `“${t}”`).join(" or ")}; showing the days for the other words.` : "";
    if (count) {
      el.status.textContent = `${count} result${count === 1 ? "" : "s"} for ${what}${within}.${missing}`;
      el.suggest.replaceChildren();
    } else {
      const nearest = query ? closestTags(query, tags) : [];
      el.status.textContent = `No results for ${what}${within}.${nearest.length ? " The closest tags are listed below." : ""} Try fewer or different words${selected.size ? ", or clear the tag filter" : ""}.`;
      el.suggest.replaceChildren(...renderClosestTags(nearest, tags, BASE));
    }
  }

  async function resultData(search: PagefindSearch): Promise<PagefindResultData[]> {
    return Promise.all(search.results.slice(0, options.limit).map((r) => r.data()));
  }

  let shown = "";
  /** Renders the results, unless they are the ones on screen (the same query run again), so a focused result keeps its focus. */
  function show(data: PagefindResultData[], tags: TagInfo, query = ""): void {
    const key = JSON.stringify([query, [...selected], data.map(resultHref)]);
    if (key === shown) return;
    shown = key;
    el.results.replaceChildren(...data.map((d) => renderResult(d, tags)));
    el.results.hidden = data.length === 0;
  }

  function renderChips(counts: Record<string, Record<string, number>>, tags: TagInfo): void {
    const tagCounts = counts.tag ?? {};
    const title = (id: string) => tags[id]?.title ?? id;
    const ids = Object.keys(tagCounts)
      .filter((id) => tagCounts[id]! > 0 || selected.has(id))
      .concat([...selected].filter((id) => !(id in tagCounts)))
      .sort((a, b) => (tagCounts[b] ?? 0) - (tagCounts[a] ?? 0) || title(a).localeCompare(title(b)));
    el.filters.replaceChildren(
      ...ids.map((id) => {
        const chip = document.createElement("button");
        chip.type = "button";
        chip.className = "search-chip";
        chip.dataset.tag = id;
        chip.setAttribute("aria-pressed", String(selected.has(id)));
        chip.textContent = `${title(id)} (${tagCounts[id] ?? 0})`;
        chip.addEventListener("click", () => {
          if (selected.has(id)) selected.delete(id);
          else selected.add(id);
          chip.setAttribute("aria-pressed", String(selected.has(id)));
          void run();
        });
        return chip;
      }),
    );
  }

  el.input.addEventListener("input", () => void run());
  attachResultKeys(el.input, [el.results, el.suggest]);

  return { run, select: (tags: string[]) => tags.forEach((t) => selected.add(t)) };
}
