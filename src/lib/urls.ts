/** Site-internal link that honours the configured base path (`DAYBOOK_BASE`). */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith("/") ? base.slice(0, -1) : base;
  const rest = path.startsWith("/") ? path : `/${path}`;
  return `${prefix}${rest}`;
}

export const entryPath = (day: number) => `/day/${day}/`;
export const tagPath = (id: string) => `/tags/${id}/`;
