/**
 * Node's format for `console.time`/`timeLog`/`timeEnd` durations (lib/internal/util/debuglog.js):
 * `250ms`, `1.500s`, `1:05.000 (m:ss.mmm)`, `1:01:05.000 (h:mm:ss.mmm)`. Snippet time is virtual,
 * so durations are whole milliseconds of the virtual clock (`0ms` for code that does not wait).
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const pad = (value: number | string) => `${value}`.padStart(2, "0");

export function formatTime(ms: number): string {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= SECOND) {
    if (ms >= MINUTE) {
      if (ms >= HOUR) {
        hours = Math.floor(ms / HOUR);
        ms %= HOUR;
      }
      minutes = Math.floor(ms / MINUTE);
      ms %= MINUTE;
    }
    seconds = ms / SECOND;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole = "", fraction = ""] = seconds.toFixed(3).split(".", 2);
    const head = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${head}:${pad(whole)}.${fraction} (${hours !== 0 ? "h:m" : ""}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}
