/**
 * Arrow keys between the search box and the links under it (results, then the closest tags):
 * Down from the box focuses the first link, Up and Down move between links, Up from the first
 * returns to the box. Enter on a link opens it, as on any link; Enter in the box opens the first
 * result. Focus moves for real, so screen readers read each link as it is reached.
 */
export function attachResultKeys(input: HTMLInputElement, containers: HTMLElement[]): void {
  const links = () => containers.flatMap((c) => (c.hidden ? [] : [...c.querySelectorAll<HTMLAnchorElement>("a[href]")]));

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      const first = links()[0];
      if (!first) return;
      event.preventDefault();
      first.focus();
    } else if (event.key === "Enter") {
      event.preventDefault(); // the /search/ page's form would otherwise reload the page
      const first = links()[0];
      if (first) first.click();
    }
  });

  for (const container of containers) {
    container.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "Home" && event.key !== "End") return;
      const all = links();
      const at = all.indexOf(document.activeElement as HTMLAnchorElement);
      if (at < 0) return;
      event.preventDefault();
      const next = event.key === "Home" ? 0 : event.key === "End" ? all.length - 1 : at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]!.focus();
    });
  }
}
