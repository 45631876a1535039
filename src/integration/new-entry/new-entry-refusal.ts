import { formatProblem, type Problem } from "../content/problem.ts";

/** Why `npm run new` will not write anything: what happened and what to do about it. */
export interface Refusal {
  refused: true;
  message: string;
  fix: string;
  /** Problems the new files themselves would have, printed after the message. */
  problems?: readonly Problem[];
}

export function refuse(message: string, fix: string, problems?: readonly Problem[]): Refusal {
  return { refused: true, message, fix, ...(problems && { problems }) };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && (value as Partial<Refusal>).refused === true;
}

/** The text printed for a refusal, always ending in the promise that nothing was written. */
export function formatRefusal(refusal: Refusal): string {
  const details = refusal.problems?.length ? `\n\n${refusal.problems.map(formatProblem).join("\n\n")}` : "";
  return `✗ ${refusal.message}\n→ ${refusal.fix}${details}\n\nNothing was written.`;
}
