/**
 * The one inline script of every page, run at the top of `<body>` before first paint so a stored
 * dark theme never flashes light. It is inline because a file would arrive too late; the
 * Content-Security-Policy allows exactly this text by its hash (content-security-policy.ts).
 */
export const THEME_BOOT_SCRIPT =
  '(()=>{let t;try{t=localStorage.getItem("daybook-theme")}catch{}if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.dataset.theme=t})();';
