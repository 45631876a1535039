/**
 * `fetch`, present but refusing: snippets run with no network at build (the host's permission
 * model) and in the browser (the sandbox's Content Security Policy), and both say so the same way.
 */
export const NO_NETWORK = "snippets have no network access";

export function fetch(_input: unknown): Promise<never> {
  return Promise.reject(new TypeError(NO_NETWORK));
}
