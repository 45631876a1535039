// Marks the table of contents' link to the section being read (aria-current), as the reader
// scrolls. A section is "being read" from when its heading passes the top third of the screen.

export function highlightToc(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#']")];
  const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  if (links.length === 0 || !("IntersectionObserver" in window)) return;

  const mark = () => {
    // The last heading above the line a third of the way down the screen.
    let at = -1;
    headings.forEach((h, i) => {
      if (h && h.getBoundingClientRect().top < innerHeight / 3) at = i;
    });
    links.forEach((a, i) => (i === at ? a.setAttribute("aria-current", "true") : a.removeAttribute("aria-current")));
  };
  const observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -66% 0px" });
  for (const h of headings) if (h) observer.observe(h);
  // A jump (a link, Home, End) can carry a heading across that line between two frames unseen.
  addEventListener("scrollend", mark);
}
