type Theme = "light" | "dark";
const STORAGE_KEY = "daybook-theme";
const NAMES: Record<Theme, string> = { light: "Light", dark: "Dark" };

function current(): Theme {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

/** The button shows the theme in use, is pressed when it is dark, and its title says what a press does. */
function apply(button: HTMLButtonElement, theme: Theme): void {
  // Written only when it changes: the page's first script already set it, and writing the same
  // value again would restyle the whole page while it loads.
  if (current() !== theme) document.documentElement.dataset.theme = theme;
  button.setAttribute("aria-pressed", String(theme === "dark"));
  button.title = `Switch to the ${theme === "dark" ? "light" : "dark"} theme`;
  button.querySelector(".theme-toggle-label")!.textContent = NAMES[theme];
}

/** Shows the theme button and makes it switch and remember the theme. */
export function enhanceThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    apply(button, current());
    button.hidden = false;
    button.addEventListener("click", () => {
      const next: Theme = current() === "dark" ? "light" : "dark";
      apply(button, next);
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode or storage disabled: the choice lasts for this page only.
      }
    });
  }
}
