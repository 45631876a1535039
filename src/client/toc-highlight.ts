// Marks the table of contents' link to the section being read (aria-current), as the reader
// scrolls. A section is "being read" from when its heading passes the top third of the screen.

export function highlightToc(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#']")];
  const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  if (links.length === 0 || !("IntersectionObserver" in window)) return;

  // Whether each heading is above the line. The observer's entries say so without a layout of
  // their own (measuring every heading in its first callback forced one on a long page's load).
  const above = new Map<Element, boolean>();
  const mark = () => {
    // The last heading above the line a third of the way down the screen.
    let at = -1;
    headings.forEach((h, i) => {
      if (h && above.get(h)) at = i;
    });
    links.forEach((a, i) => (i === at ? a.setAttribute("aria-current", "true") : a.removeAttribute("aria-current")));
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) above.set(entry.target, entry.boundingClientRect.top < (entry.rootBounds?.bottom ?? innerHeight / 3));
      mark();
    },
    { rootMargin: "0px 0px -66% 0px" },
  );
  for (const h of headings) if (h) observer.observe(h);
  // A jump (a link, Home, End) can carry a heading across that line between two frames unseen:
  // measured once the scroll ends.
  addEventListener("scrollend", () => {
    for (const h of headings) if (h) above.set(h, h.getBoundingClientRect().top < innerHeight / 3);
    mark();
  });
}
