/**
 * TypeScript that cannot run as a snippet. Snippets run by removing their types (sucrase, at
 * build and in the browser), so only TypeScript that is JavaScript plus types can run: enums,
 * namespaces with values, parameter properties, `import x = …` and `export =` need code generated
 * for them (which the build's type-check refuses, as TS1294 under `erasableSyntaxOnly`, and which
 * sucrase would generate differently or drop), and decorators are left in place for engines that
 * do not run them yet. A small scanner, with no compiler, finds them, so the build (which reports
 * them at the MDX file and line) and the browser editor (which refuses the edited code) say the
 * same thing at the same line. `<T>x` casts are fine: removing `<T>` leaves JavaScript.
 */

export interface NonErasableSyntax {
  /** What can't run and what to write instead, e.g. "enums can't run in a snippet: use …". */
  message: string;
  /** 1-based line and column in the snippet. */
  line: number;
  column: number;
  /** Offsets of the construct in the code, [start, end). */
  start: number;
  end: number;
}

const MESSAGES = {
  enum: "enums can't run in a snippet: use a union of string literals or a const object",
  namespace: "namespaces with values can't run in a snippet: use a plain object or top-level declarations",
  parameterProperty: "parameter properties can't run in a snippet: declare the field in the class and assign it in the constructor",
  decorator: "decorators can't run in a snippet: JavaScript engines don't run them yet; call the function on the class or method instead",
  importRequire: "`import … = require()` can't run in a snippet: use `import … from \"…\"`",
  importAlias: "`import … =` aliases can't run in a snippet: use `const … =`",
  exportAssignment: "`export =` can't run in a snippet: use `export default`",
} as const;

/** Thrown by transpileSnippet for such code; `loc` is shaped like sucrase's syntax errors (column 0-based). */
export class NonErasableSyntaxError extends SyntaxError {
  override name = "NonErasableSyntaxError";
  readonly loc: { line: number; column: number };
  constructor(found: NonErasableSyntax) {
    super(found.message);
    this.loc = { line: found.line, column: found.column - 1 };
  }
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** A line break comes before it. */
  newline: boolean;
  /** A name, number or literal (as opposed to punctuation). */
  word: boolean;
}

/** Every construct of `code` that needs generated code, in order. */
export function findNonErasableSyntax(code: string): NonErasableSyntax[] {
  const tokens = tokenize(code);
  const found: NonErasableSyntax[] = [];
  const report = (kind: keyof typeof MESSAGES, at: number, end = at) => {
    const before = code.slice(0, tokens[at]!.start).split(/\r\n|\r|\n/);
    found.push({ message: MESSAGES[kind], line: before.length, column: before.at(-1)!.length + 1, start: tokens[at]!.start, end: tokens[end]!.end });
  };
  const text = (i: number) => tokens[i]?.text ?? "";
  const isName = (i: number) => /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(text(i));
  const member = (i: number) => text(i - 1) === "." || text(i - 1) === "?.";
  for (let i = 0; i < tokens.length; i++) {
    const t = text(i);
    if (member(i)) continue;
    if (t === "declare" && isName(i + 1) && !tokens[i + 1]!.newline) {
      // Ambient declarations make no code: skip a declared block whole.
      const block = ["namespace", "module", "global", "enum", "class", "abstract"].includes(text(i + 1)) || (text(i + 1) === "const" && text(i + 2) === "enum");
      const open = block ? nextAt(tokens, i, "{") : -1;
      if (open >= 0) i = matching(tokens, open);
    } else if (t === "@") {
      report("decorator", i, i + 1);
    } else if (t === "enum" && isName(i + 1) && text(i + 2) === "{") {
      const from = text(i - 1) === "const" ? i - 1 : i;
      report("enum", text(from - 1) === "export" ? from - 1 : from, matching(tokens, i + 2));
    } else if ((t === "namespace" || t === "module") && isName(i + 1) && !tokens[i + 1]!.newline && statementStart(tokens, i)) {
      let open = i + 2;
      while (text(open) === "." && isName(open + 1)) open += 2;
      if (text(open) !== "{") continue;
      // Scanning goes on inside: an enum or namespace in it is reported too, as TypeScript does.
      const close = matching(tokens, open);
      if (instantiated(tokens, open + 1, close)) report("namespace", text(i - 1) === "export" ? i - 1 : i, close);
    } else if (t === "constructor" && text(i + 1) === "(") {
      for (const at of parameterProperties(tokens, i + 1)) report("parameterProperty", at);
    } else if (t === "import" && isName(i + 1) && (text(i + 2) === "=" || (text(i + 1) === "type" && isName(i + 2) && text(i + 3) === "="))) {
      const eq = text(i + 2) === "=" ? i + 2 : i + 3;
      report(text(eq + 1) === "require" && text(eq + 2) === "(" ? "importRequire" : "importAlias", text(i - 1) === "export" ? i - 1 : i, eq);
    } else if (t === "export" && text(i + 1) === "=") {
      report("exportAssignment", i, i + 1);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Index of the first `text` token after `from` at the same bracket depth, or -1. */
function nextAt(tokens: Token[], from: number, text: string): number {
  let depth = 0;
  for (let i = from + 1; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (depth === 0 && t === text) return i;
    if (t === "(" || t === "[" || t === "{" || t === "${") depth++;
    else if (t === ")" || t === "]" || t === "}") depth--;
    if (depth < 0 || (depth === 0 && t === ";")) return -1;
  }
  return -1;
}

/** Index of the bracket closing the one at `open` (the last token if it is never closed). */
function matching(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (t === "(" || t === "[" || t === "{" || t === "${") depth++;
    else if ((t === ")" || t === "]" || t === "}") && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Tokens after which a new line continues the same statement or type. */
const CONTINUES = new Set(["=", "|", "&", ",", ":", "?", "=>", "<", "(", "[", ".", "extends", "keyof", "typeof", "infer", "is", "as"]);
/** What may follow `declare` in a namespace without making code (TypeScript makes code for a declared function, variable, class or enum there). */
const DECLARED_TYPES = new Set(["interface", "type", "global"]);

/** Tokens that continue the line before them (a type's `| "b"` on a line of its own). */
const LEADING = new Set(["|", "&", ".", "?.", "?", ":", "=>", "=", ",", ")", "]", "}", "extends"]);

function statementStart(tokens: Token[], i: number): boolean {
  const previous = tokens[i - 1];
  if (LEADING.has(tokens[i]!.text)) return false;
  return !previous || ["{", "}", ";", "export"].includes(previous.text) || (tokens[i]!.newline && !CONTINUES.has(previous.text));
}

/**
 * A namespace body makes code unless each statement in it declares only types (an interface, a
 * type alias, a declared type, interface, global or `const enum`, a namespace of types,
 * `import type`), as TypeScript decides: a declared function, variable, class or enum, or an
 * empty statement (`;` after an interface's `}`), makes code, and TS1294 refuses it.
 */
function instantiated(tokens: Token[], from: number, to: number): boolean {
  /** A type alias is open: the next `;` ends it rather than being an empty statement. */
  let alias = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!.text;
    if (t === ";" && alias) {
      alias = false;
      continue;
    }
    if (i === from || statementStart(tokens, i)) {
      let k = tokens[i]!.text === "export" ? i + 1 : i;
      if (tokens[k]!.text === "declare" && !DECLARED_TYPES.has(tokens[k + 1]?.text ?? "")) {
        if (tokens[k + 1]?.text === "const" && tokens[k + 2]?.text === "enum") {
          i = matching(tokens, nextAt(tokens, k, "{"));
          alias = false;
          continue;
        }
        if (tokens[k + 1]?.text !== "namespace" && tokens[k + 1]?.text !== "module") return true;
        k++;
      }
      const head = tokens[k]!.text;
      const next = tokens[k + 1]?.text ?? "";
      if ((head === "namespace" || head === "module") && tokens[k + 1]?.word) {
        while (k < to && tokens[k]!.text !== "{") k++;
        const close = matching(tokens, k);
        if (instantiated(tokens, k + 1, close)) return true;
        i = close;
        alias = false;
        continue;
      }
      alias = head === "type" || (head === "declare" && next === "type");
      const typeOnly = alias || head === "interface" || (head === "declare" && DECLARED_TYPES.has(next)) || (head === "import" && next === "type");
      if (!typeOnly) return true;
    }
    if (t === "{" || t === "(" || t === "[" || t === "${") i = matching(tokens, i);
  }
  return false;
}

/** Parameters of the list opening at `open` that start with an accessibility or readonly modifier. */
function parameterProperties(tokens: Token[], open: number): number[] {
  const close = matching(tokens, open);
  const found: number[] = [];
  for (let i = open + 1; i < close; i++) {
    let k = i;
    while (tokens[k]!.text === "@") k = tokens[k + 2]?.text === "(" ? matching(tokens, k + 2) + 1 : k + 2;
    const next = tokens[k + 1]?.text ?? "";
    if (["public", "private", "protected", "readonly", "override"].includes(tokens[k]!.text) && !["", ":", ",", ")", "=", "?"].includes(next)) found.push(k);
    // On to the next parameter.
    for (i = k; i < close && tokens[i]!.text !== ","; i++) if (["(", "[", "{"].includes(tokens[i]!.text)) i = matching(tokens, i);
  }
  return found;
}

const PUNCTUATION = /^(?:\?\.(?!\d)|=>|\.\.\.|[!=]==?|[<>]=?|&&=?|\|\|=?|\?\?=?|\*\*=?|<<=?|>>>?=?|[-+*/%&|^]=?|\+\+|--|[{}()[\];,.:?~@#])/;

/** Names, literals and punctuation of TypeScript code; comments, whitespace and the insides of strings, templates and regexes are skipped. */
function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  /** Brace depths at which a template literal's `${` is waiting for its `}`. */
  const templates: number[] = [];
  let depth = 0;
  let newline = false;
  let i = 0;
  const push = (start: number, end: number, word: boolean) => {
    tokens.push({ text: code.slice(start, end), start, end, newline, word });
    newline = false;
    i = end;
  };
  /** Scans a template's text from `from` (the "`" that starts it, or just after the `}` that ends a `${…}`) to its end or its next `${`. */
  const template = (from: number) => {
    let j = code[from] === "`" ? from + 1 : from;
    while (j < code.length && code[j] !== "`" && !(code[j] === "$" && code[j + 1] === "{")) j += code[j] === "\\" ? 2 : 1;
    if (code[j] !== "$") return push(from, Math.min(j + 1, code.length), true);
    if (j > from) push(from, j, true);
    push(j, j + 2, false); // "${" opens like a brace
    templates.push(++depth);
  };
  while (i < code.length) {
    const c = code[i]!;
    const rest = code.slice(i, i + 2);
    if (/\s/.test(c)) {
      if (c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029") newline = true;
      i++;
    } else if (rest === "//") {
      while (i < code.length && !/[\n\r\u2028\u2029]/.test(code[i]!)) i++;
    } else if (rest === "/*") {
      const end = code.indexOf("*/", i + 2);
      if (/[\n\r\u2028\u2029]/.test(code.slice(i, end < 0 ? code.length : end))) newline = true;
      i = end < 0 ? code.length : end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== c && code[j] !== "\n") j += code[j] === "\\" ? 2 : 1;
      push(i, Math.min(j + 1, code.length), true);
    } else if (c === "`") {
      template(i);
    } else if (c === "}" && templates.at(-1) === depth) {
      templates.pop();
      depth--;
      push(i, i + 1, false);
      template(i);
    } else if (c === "/" && regexAllowed(tokens.at(-1))) {
      const match = /^\/(?:[^\\/[\n\r]|\\.|\[(?:[^\\\]\n\r]|\\.)*\])+\/[\p{L}\p{N}]*/u.exec(code.slice(i));
      if (match) push(i, i + match[0].length, true);
      else push(i, i + 1, false);
    } else {
      const word = /^(?:[\p{L}\p{N}_$\\]|\u200c|\u200d)+/u.exec(code.slice(i));
      if (word) push(i, i + word[0].length, true);
      else {
        const punct = PUNCTUATION.exec(code.slice(i, i + 4))?.[0] ?? c;
        if (punct === "{") depth++;
        else if (punct === "}") depth--;
        push(i, i + punct.length, false);
      }
    }
  }
  return tokens;
}

/** After these a `/` divides; elsewhere it starts a regular expression. */
function regexAllowed(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.word) return /^(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/.test(previous.text);
  return ![")", "]", "}"].includes(previous.text);
}
