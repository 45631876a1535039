/**
 * The one inline script of every page, run at the top of `<body>` before first paint. It is
 * inline because a file would arrive too late; the Content-Security-Policy allows exactly this
 * text by its hash (content-security-policy.ts). It does two things:
 *
 * 1. Sets `data-theme`, so a stored dark theme never flashes light.
 * 2. Sets `data-layout="lazy"` on a fresh visit that starts at the top of the page (no `#fragment`,
 *    not a reload or a step back through history): global.css then lets the browser skip the
 *    layout of an entry's blocks until they come near the screen (`content-visibility: auto`),
 *    which is most of a long entry's cost while it loads on a phone. The blocks below are
 *    estimated until shown, so a jump to a far position would land in the wrong place: the
 *    attribute is never set when the visit starts at such a position (the browser restores a
 *    reload's or a history step's scroll), and it is removed for the rest of the visit when the
 *    page's #fragment changes (a link in the table of contents, a footnote, the skip link, a
 *    script), with the jump made again on the real layout (Chromium does that by itself, Firefox
 *    does not), and before printing. Without JavaScript it is never set.
 */
export const THEME_BOOT_SCRIPT = [
  "(()=>{",
  'let t;try{t=localStorage.getItem("daybook-theme")}catch{}',
  'if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";',
  "const d=document.documentElement;d.dataset.theme=t;",
  'let n;try{n=performance.getEntriesByType("navigation")[0].type}catch{}',
  'if(location.hash||n!=="navigate")return;',
  'd.dataset.layout="lazy";',
  'const o=()=>{delete d.dataset.layout};',
  'addEventListener("beforeprint",o);',
  'addEventListener("hashchange",()=>{if(!d.dataset.layout)return;o();',
  "let h;try{h=document.getElementById(decodeURIComponent(location.hash.slice(1)))}catch{}h?.scrollIntoView()});",
  "})();",
].join("");
