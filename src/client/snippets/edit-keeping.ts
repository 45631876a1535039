// A reader's edits kept and shared. Kept in localStorage under the site's base path, the entry
// and the snippet's place on the page, beside a hash of the author's code, so an edit made before
// the author changed the snippet is said to be out of date. Shared as a link whose fragment holds
// the code, deflated and base64url-encoded: `#edit.<snippet>=<code>` (any other fragment is still
// a heading's anchor). The fragment never reaches a server, and shared code is never run until
// the reader presses Run.

const BASE = import.meta.env.BASE_URL.replace(/\/$/, "");
const PREFIX = "daybook-edit";
/** Longer shared code is refused: no snippet is this long, and it bounds what a link can make the page inflate. */
export const MAX_SHARED_CHARS = 100_000;
const FRAGMENT = /^#edit\.(\d+)=([A-Za-z0-9_-]+)$/;

export interface KeptEdit {
  code: string;
  /** What the status line says about it. */
  note: string;
}

interface Stored {
  author: string;
  code: string;
}

/** The author's code of a snippet, as the page shows it. */
export function authorCode(element: HTMLElement): string {
  return (element.querySelector("pre.astro-code")?.textContent ?? "").replace(/\n$/, "");
}

/** 1-based place of the snippet on the page: the `<snippet>` of a shared link. */
export function snippetNumber(element: HTMLElement): number {
  return [...document.querySelectorAll("daybook-snippet")].indexOf(element) + 1;
}

function storageKey(element: HTMLElement): string {
  const entry = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  return `${PREFIX}:${BASE || "/"}:${entry}:${snippetNumber(element)}`;
}

/** FNV-1a, 64 bits as two 32-bit halves: enough to notice that the author's code changed (not a security check). */
export function hashCode(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i), 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** The edit to open the snippet with: a shared link's code first, then the reader's kept edit. */
export async function keptEdit(element: HTMLElement): Promise<KeptEdit | undefined> {
  const shared = FRAGMENT.exec(location.hash);
  if (shared && Number(shared[1]) === snippetNumber(element)) {
    const code = await decodeCode(shared[2]!).catch(() => undefined);
    if (code === undefined) return { code: authorCode(element), note: "This shared link's code could not be read; this is the author's version" };
    return { code, note: "Code from a shared link, changed from the author's version: not run yet, press Run to run it" };
  }
  const stored = read(element);
  if (!stored) return undefined;
  if (stored.author !== hashCode(authorCode(element))) return { code: stored.code, note: "Your edit, kept in this browser; the author has changed this snippet since: Reset shows the new version" };
  return { code: stored.code, note: "Your edit, kept in this browser: Reset restores the author's version" };
}

function read(element: HTMLElement): Stored | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey(element)) ?? "null") as Stored | null;
    return value && typeof value.code === "string" && typeof value.author === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the reader's code (or forgets it once it is the author's again). */
export function keepEdit(element: HTMLElement, code: string): void {
  const author = authorCode(element);
  try {
    if (code === author) localStorage.removeItem(storageKey(element));
    else localStorage.setItem(storageKey(element), JSON.stringify({ author: hashCode(author), code } satisfies Stored));
  } catch {
    // Storage full, disabled or private: the edit lasts for this page only.
  }
}

export function forgetEdit(element: HTMLElement): void {
  try {
    localStorage.removeItem(storageKey(element));
  } catch {
    // Nothing was kept.
  }
}

/** The page's address with the code in its fragment. */
export async function shareLink(element: HTMLElement, code: string): Promise<string> {
  const url = new URL(location.href);
  url.hash = `edit.${snippetNumber(element)}=${await encodeCode(code)}`;
  return url.href;
}

/** Copies the link; where the clipboard is refused, puts it in the address bar instead. Returns what to tell the reader. */
export async function shareEdit(element: HTMLElement, code: string): Promise<string> {
  const link = await shareLink(element, code);
  try {
    await navigator.clipboard.writeText(link);
    return "Link copied: it opens this code in the editor, not run until Run is pressed";
  } catch {
    history.replaceState(history.state, "", link);
    return "The link is in the address bar: copy it from there";
  }
}

export async function encodeCode(code: string): Promise<string> {
  const stream = new Blob([code]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Inflates at most MAX_SHARED_CHARS of code; anything longer or malformed is an error. */
export async function decodeCode(text: string): Promise<string> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).pipeThrough(new TextDecoderStream()).getReader();
  let code = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return code;
    code += value;
    if (code.length > MAX_SHARED_CHARS) {
      await reader.cancel();
      throw new Error(`shared code longer than ${MAX_SHARED_CHARS} characters`);
    }
  }
}
