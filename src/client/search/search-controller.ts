import { loadPagefind, loadTagTitles, type PagefindResultData } from "./pagefind-loader.ts";
import { renderResult } from "./search-results.ts";

export interface SearchElements {
  input: HTMLInputElement;
  results: HTMLElement;
  filters: HTMLElement;
  status: HTMLElement;
}

/**
 * Live search shared by the dialog and the /search/ page: results as the reader types, tag
 * filter chips with counts, arrow keys to move, Enter to open. Queries are only ever shown as text.
 */
export function attachSearch(el: SearchElements, options: { limit: number; onQuery?: (query: string, tags: string[]) => void }) {
  const selected = new Set<string>();
  let active = -1;
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
    const [titles, search] = await Promise.all([
      loadTagTitles(),
      pagefind.debouncedSearch(query || null, selected.size ? { filters: { tag: [...selected] } } : {}, 60),
    ]);
    if (!search || mine !== generation) return; // a newer keystroke took over
    if (!query && selected.size === 0) {
      el.results.replaceChildren();
      renderChips(await pagefind.filters(), titles);
      el.status.textContent = "Type to search every day of the journal.";
      return;
    }
    const data: PagefindResultData[] = await Promise.all(search.results.slice(0, options.limit).map((r) => r.data()));
    if (mine !== generation) return;
    el.results.replaceChildren(...data.map((d, i) => renderResult(d, `${el.results.id}-${i}`, titles)));
    setActive(data.length ? 0 : -1);
    renderChips(search.filters, titles);
    const what = query ? `“${query}”` : "the selected tags";
    el.status.textContent = search.results.length
      ? `${search.results.length} result${search.results.length === 1 ? "" : "s"} for ${what}${selected.size ? ` in ${[...selected].map((t) => titles[t] ?? t).join(" + ")}` : ""}.`
      : `No results for ${what}. Try fewer or different words${selected.size ? ", or clear the tag filter" : ""}.`;
  }

  function renderChips(counts: Record<string, Record<string, number>>, titles: Record<string, string>): void {
    const tagCounts = counts.tag ?? {};
    const ids = Object.keys(tagCounts)
      .filter((id) => tagCounts[id]! > 0 || selected.has(id))
      .sort((a, b) => tagCounts[b]! - tagCounts[a]! || (titles[a] ?? a).localeCompare(titles[b] ?? b));
    el.filters.replaceChildren(
      ...ids.map((id) => {
        const chip = document.createElement("button");
        chip.type = "button";
        chip.className = "search-chip";
        chip.dataset.tag = id;
        chip.setAttribute("aria-pressed", String(selected.has(id)));
        chip.textContent = `${titles[id] ?? id} (${tagCounts[id] ?? 0})`;
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

  function setActive(index: number): void {
    const items = [...el.results.querySelectorAll<HTMLElement>("[role=option]")];
    active = items.length ? Math.max(0, Math.min(index, items.length - 1)) : -1;
    items.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) {
      el.input.setAttribute("aria-activedescendant", items[active]!.id);
      items[active]!.scrollIntoView({ block: "nearest" });
    } else el.input.removeAttribute("aria-activedescendant");
  }

  el.input.addEventListener("input", () => void run());
  el.input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = el.results.querySelectorAll<HTMLElement>("[role=option]")[Math.max(active, 0)];
      if (option?.dataset.href) location.assign(option.dataset.href);
    }
  });
  el.results.addEventListener("click", (event) => {
    const option = (event.target as Element).closest<HTMLElement>("[role=option]");
    if (option?.dataset.href) location.assign(option.dataset.href);
  });
  el.results.addEventListener("mousemove", (event) => {
    const option = (event.target as Element).closest("[role=option]");
    if (option) setActive([...el.results.children].indexOf(option));
  });

  return { run, select: (tags: string[]) => tags.forEach((t) => selected.add(t)) };
}
