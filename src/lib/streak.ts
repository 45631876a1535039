import { addDays, daysBetween } from "./dates.ts";

export interface StreakSummary {
  /** Consecutive days with an entry ending today, or yesterday when today is not written yet. */
  current: number;
  /** The longest run of consecutive days with an entry. */
  longest: number;
  /** Distinct days with at least one entry. */
  total: number;
}

/** Streaks over calendar days; several entries on one day count once. */
export function computeStreaks(dates: readonly string[], today: string): StreakSummary {
  const days = [...new Set(dates)].filter((d) => d <= today).sort();
  if (days.length === 0) return { current: 0, longest: 0, total: 0 };

  let longest = 1;
  let run = 1;
  for (let i = 1; i < days.length; i++) {
    run = daysBetween(days[i - 1]!, days[i]!) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }

  const written = new Set(days);
  let cursor = written.has(today) ? today : addDays(today, -1);
  let current = 0;
  while (written.has(cursor)) {
    current++;
    cursor = addDays(cursor, -1);
  }
  return { current, longest, total: days.length };
}
