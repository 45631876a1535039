/** A string, template (without `${`) or number literal: the only MDX expressions that compute nothing. */
const LITERAL = /^("([^"\\\n]|\\.)*"|'([^'\\\n]|\\.)*'|`[^`$]*`|-?\d+(\.\d+)?)$/;

/** The code of an MDX expression without its comments, trimmed. */
export function expressionCode(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, "").trim();
}

/** Whether an MDX `{…}` expression is only comments or a literal, so it runs nothing. */
export function isInertExpression(code: string): boolean {
  const bare = expressionCode(code);
  return bare === "" || LITERAL.test(bare);
}

/** The text a literal expression stands for (`{"x"}`, `{'\x6a'}`, `` {`x`} ``, `{4}`), or `undefined` for code. */
export function literalValue(code: string): string | undefined {
  const bare = expressionCode(code);
  if (bare === "" || !LITERAL.test(bare)) return undefined;
  return /^["'`]/.test(bare) ? unescape(bare.slice(1, -1)) : bare;
}

/** JavaScript string escapes: `\n`, `\x6a`, `\u006a`, `\u{6a}`, a backslash before a newline, `\q` → `q`. */
function unescape(text: string): string {
  const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", 0: "\0", "\n": "" };
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[\s\S])/g, (_, e: string) => {
    if (/^[xu]/.test(e) && e.length > 1) {
      const code = Number.parseInt(e.replace(/^[xu]\{?|\}$/g, ""), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return simple[e] ?? e;
  });
}
