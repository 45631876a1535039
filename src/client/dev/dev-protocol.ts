// What the dev server and the dev pages say to each other. Types and names only: the page
// imports it, and so does the Node side (src/integration/dev/).

/** Paths under the site's base. */
export const DEV_STATE_PATH = "_daybook/dev/state";
export const DEV_ACCEPT_PATH = "_daybook/dev/accept";
/** The header that carries the per-session token (a header, so no other site can make a browser send it). */
export const DEV_TOKEN_HEADER = "x-daybook-token";
/** The HMR event the dev server sends after every re-check; the page then asks for the state. */
export const DEV_EVENT = "daybook:dev";

/** The command that accepts every snippet's output (npm run snippets). */
export const ACCEPT_ALL_COMMAND = "npm run snippets -- --update";

export interface DevProblem {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
  fix: string;
}

/** One runnable snippet of the page's entry, as the dev server last checked it. */
export interface DevSnippet {
  /** Opaque id the Accept request names (a hash, never a path). */
  id: string;
  file: string;
  line: number;
  code: string;
  /** The latest output, absent when the snippet did not run (a type or syntax error). */
  output?: string;
  /** Hash of `output`: the Accept request sends it back so the server writes only what was shown. */
  outputHash?: string;
  /** The latest run's figures (`daybook/show`), their JSON texts one a line: the page checks and draws them as after Run. */
  figures?: string;
  /** True when `output` differs from the ```output fence, or there is no fence. */
  outOfDate: boolean;
  /** `- expected` / `+ actual` lines, when there is a fence to compare with. */
  diff?: string;
  /** Whether Accept output can write it (not for a stopped run or an output no text file can hold). */
  acceptable: boolean;
  /** Problems located in the snippet or its output fence: type errors, runtime errors, a missing fence. */
  problems: DevProblem[];
}

export interface DevState {
  /** Grows with every re-check. */
  version: number;
  /** Every problem `npm run build` would report. */
  problems: DevProblem[];
  /** The snippets of the entry shown at the page asked about, in file order. */
  snippets: DevSnippet[];
}

export interface DevClientConfig {
  base: string;
  token: string;
}
