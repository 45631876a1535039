// The dev page's side of `npm run dev`: asks the dev server for the journal's problems and this
// entry's snippets, and again whenever the server says it re-checked (over Vite's HMR socket).
// Injected by src/integration/dev/dev-server.ts in dev only; a build never contains it.
import { DEV_EVENT, DEV_STATE_PATH, DEV_TOKEN_HEADER, type DevClientConfig, type DevState } from "./dev-protocol.ts";
import { showProblems } from "./dev-problems.ts";
import { showSnippetStates } from "./dev-snippet-notice.ts";

/**
 * Why a fetch and not the HMR message itself: a page that loads (or reloads) between two
 * re-checks gets the current state the same way as one that was told about a change, and the
 * message stays a version number however many problems there are.
 */
export function startDevClient(config: DevClientConfig): void {
  let shown = -1;
  let asking: Promise<void> | undefined;
  let again = false;
  const update = async (): Promise<void> => {
    if (asking) {
      again = true;
      return asking;
    }
    asking = (async () => {
      do {
        again = false;
        const state = await fetchState(config);
        if (state && state.version !== shown) {
          shown = state.version;
          showProblems(state.problems);
          showSnippetStates(state.snippets, config);
        }
      } while (again);
    })().finally(() => (asking = undefined));
    return asking;
  };
  import.meta.hot?.on(DEV_EVENT, () => void update());
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void update(), { once: true });
  else void update();
}

async function fetchState(config: DevClientConfig): Promise<DevState | undefined> {
  try {
    const url = `${config.base}${DEV_STATE_PATH}?page=${encodeURIComponent(location.pathname)}`;
    const response = await fetch(url, { headers: { [DEV_TOKEN_HEADER]: config.token }, cache: "no-store" });
    return response.ok ? ((await response.json()) as DevState) : undefined;
  } catch {
    return undefined; // the dev server is restarting; the next HMR message asks again
  }
}
