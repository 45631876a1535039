import { EMPTY_QUERY_STATUS, attachSearch } from "./search-controller.ts";

/** /search/?q=…&tag=…: the same search as the dialog, with the query kept in the address bar. */
export function enhanceSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>("form.search-page-form");
  if (!form) return;
  const params = new URLSearchParams(location.search);
  const input = form.querySelector<HTMLInputElement>("input[type=search]")!;
  input.value = params.get("q") ?? "";
  form.addEventListener("submit", (event) => event.preventDefault());
  const status = document.querySelector<HTMLElement>(".search-page .search-status")!;
  const controller = attachSearch(
    {
      input,
      results: document.querySelector<HTMLElement>(".search-page .search-results")!,
      filters: document.querySelector<HTMLElement>(".search-page .search-filters")!,
      status,
      suggest: document.querySelector<HTMLElement>(".search-page .search-suggest")!,
    },
    {
      limit: 30,
      onQuery: (query, tags) => {
        const next = new URLSearchParams();
        if (query) next.set("q", query);
        for (const tag of tags) next.append("tag", tag);
        history.replaceState(null, "", `${location.pathname}${next.size ? `?${next}` : ""}`);
      },
    },
  );
  controller.select(params.getAll("tag"));
  if (params.has("q") || params.has("tag")) return void controller.run();
  // Nothing asked yet: Pagefind loads when the reader turns to the form, not with the page.
  status.textContent = EMPTY_QUERY_STATUS;
  const start = () => {
    for (const type of EVENTS) form.removeEventListener(type, start);
    void controller.run();
  };
  for (const type of EVENTS) form.addEventListener(type, start);
}

/** A reader turning to the form: focusing it (by keyboard or pointer) or pointing at it. */
const EVENTS = ["focusin", "pointerover", "pointerdown"] as const;
