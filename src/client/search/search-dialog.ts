// Opens the search dialog from the header button, `/` or Ctrl/Cmd-K. The search code and
// Pagefind load on first open; before that only this small script is on the page.

type Controller = Awaited<ReturnType<typeof import("./search-controller.ts")["attachSearch"]>>;

export function enhanceSearchDialog(): void {
  const dialog = document.querySelector<HTMLDialogElement>("dialog.search-dialog");
  const opener = document.querySelector<HTMLAnchorElement>("[data-search-open]");
  if (!dialog || !opener) return;
  let controller: Promise<Controller> | undefined;
  let returnFocus: HTMLElement | null = null;

  const open = async () => {
    if (dialog.open) return;
    returnFocus = document.activeElement as HTMLElement | null;
    dialog.showModal();
    const input = dialog.querySelector<HTMLInputElement>("input[type=search]")!;
    input.focus();
    input.select(); // reopening keeps the last query and its results; typing replaces it
    if (controller) return;
    controller = import("./search-controller.ts").then(({ attachSearch }) =>
      attachSearch(
        {
          input,
          results: dialog.querySelector<HTMLElement>(".search-results")!,
          filters: dialog.querySelector<HTMLElement>(".search-filters")!,
          status: dialog.querySelector<HTMLElement>(".search-status")!,
          suggest: dialog.querySelector<HTMLElement>(".search-suggest")!,
        },
        {
          // Each shown result fetches its own excerpt, so the dialog shows a few and links to the rest.
          limit: 6,
          onQuery: (query) => {
            const all = dialog.querySelector<HTMLAnchorElement>(".search-all")!;
            all.hidden = query === "";
            all.href = `${all.dataset.base}?q=${encodeURIComponent(query)}`;
          },
        },
      ),
    );
    void (await controller).run();
  };

  opener.addEventListener("click", (event) => {
    event.preventDefault();
    void open();
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if ((event.key === "k" && (event.ctrlKey || event.metaKey)) || (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey)) {
      event.preventDefault();
      void open();
    }
  });
  dialog.addEventListener("close", () => returnFocus?.focus());
  // Chromium may swallow a second Escape as "close watcher" abuse protection; close explicitly.
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    dialog.close();
  });
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close(); // a click on the backdrop
  });
  dialog.querySelector("[data-search-close]")?.addEventListener("click", () => dialog.close());
}
