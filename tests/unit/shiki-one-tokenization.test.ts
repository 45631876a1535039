import { bundledLanguagesInfo, createHighlighter, type Highlighter } from "shiki";
import { hastToHtml } from "shiki/core";
import { INITIAL } from "shiki/textmate";
import { beforeAll, describe, expect, it } from "vitest";
import { CODE_THEMES } from "../../src/integration/markdown/code-themes.ts";
import { codeToHastOnce, oneTokenization, type ExposedGrammar } from "../../src/integration/markdown/shiki-one-tokenization.ts";
import { highlightOptions as options } from "../../src/integration/markdown/hast-code-highlight.ts";
import { fencedBlocks } from "../helpers/fenced-blocks.ts";

/** Every fenced block of the sample journal and the test journals. */
const corpus = () => fencedBlocks(["content", "tests/fixtures"]);

/** Text that most grammars have something to say about: strings, comments, numbers, brackets, tags, escapes, indentation, non-ASCII. */
const GENERIC = [
  `// a comment\nconst answer = { "key": 'value', n: 42, re: /a+b/g } // trailing\n/* block\n   comment */\nfunction f(x) { return x > 1 ? \`t\${x}\` : null; }`,
  `# heading or comment\nSELECT name, COUNT(*) FROM t WHERE id = 1 -- note\n  AND s = 'it''s';\n<div class="x">&amp; text</div> <!-- html -->`,
  `def f(a, *b, **c):\n    """doc"""\n    return [i ** 2 for i in range(10) if i % 2]  # café\n\tif x: print("tab\\n")`,
  `key: value\nlist:\n  - "quoted # not a comment"\n  - 1.5e-3\n[section]\nname = "x"\n$var = @(1, 2); echo $HOME \${PATH}`,
  `(define (f x) (+ x 1)) ; lisp\nlet rec f = fun x -> x :: [] (* ml *)\nfn main() -> Result<(), Box<dyn Error>> { println!("{}", 'c'); }\n<?php echo "$a"; ?> {{ template }} {% tag %}`,
];

describe("Shiki in both themes from one tokenization", () => {
  let highlighter: Highlighter;
  beforeAll(async () => {
    highlighter = await createHighlighter({ themes: Object.values(CODE_THEMES), langs: bundledLanguagesInfo.map((lang) => lang.id) });
  }, 300_000);

  it("writes the HTML Shiki writes for the journals' code blocks", () => {
    const blocks = corpus();
    expect(new Set(blocks.map((b) => b.lang)).size).toBeGreaterThanOrEqual(5);
    for (const { lang, code } of blocks) {
      expect(hastToHtml(codeToHastOnce(highlighter, code, options(lang))), `${lang}: ${code.slice(0, 80)}`).toBe(hastToHtml(highlighter.codeToHast(code, options(lang))));
    }
  });

  it("writes the HTML Shiki writes in every language it bundles", () => {
    let differing: string[] = [];
    for (const { id } of bundledLanguagesInfo) {
      for (const code of GENERIC) {
        if (hastToHtml(codeToHastOnce(highlighter, code, options(id))) !== hastToHtml(highlighter.codeToHast(code, options(id)))) differing.push(id);
      }
    }
    differing = [...new Set(differing)];
    expect(differing).toEqual([]);
  }, 300_000);

  it("hands each theme's pass the tokens vscode-textmate gives under that theme, line by line", () => {
    let lines = 0;
    for (const { lang, code } of corpus()) {
      const grammar = highlighter.getLanguage(lang);
      const once = oneTokenization(grammar as unknown as ExposedGrammar)!;
      expect(once, lang).toBeDefined();
      for (const theme of Object.values(CODE_THEMES)) {
        highlighter.setTheme(theme);
        let [real, mine] = [INITIAL, INITIAL];
        for (const line of code.split(/\r?\n/)) {
          const expected = grammar.tokenizeLine2(line, real, 0);
          const actual = once.tokenizeLine2(line, mine, 0);
          expect([...actual.tokens], `${lang} (${theme}): ${line}`).toEqual([...expected.tokens]);
          [real, mine] = [expected.ruleStack, actual.ruleStack];
          lines++;
        }
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it("leaves to Shiki a grammar whose tokens it would not reproduce", () => {
    const grammar = highlighter.getLanguage("typescript") as unknown as ExposedGrammar;
    expect(oneTokenization(grammar)).toBeDefined();
    expect(oneTokenization(Object.assign(Object.create(grammar), { _tokenTypeMatchers: [{}] }))).toBeUndefined();
    expect(oneTokenization(Object.assign(Object.create(grammar), { balancedBracketSelectors: { matchesAlways: false, matchesNever: false } }))).toBeUndefined();
    expect(oneTokenization(Object.assign(Object.create(grammar), { _basicScopeAttributesProvider: undefined }))).toBeUndefined();
  });

  it("runs the grammar over each line once, whatever the number of themes", () => {
    const grammar = highlighter.getLanguage("typescript");
    const calls = { tokenizeLine: 0, tokenizeLine2: 0 };
    const original = { tokenizeLine: grammar.tokenizeLine, tokenizeLine2: grammar.tokenizeLine2 };
    grammar.tokenizeLine = (...args) => (calls.tokenizeLine++, original.tokenizeLine.apply(grammar, args));
    grammar.tokenizeLine2 = (...args) => (calls.tokenizeLine2++, original.tokenizeLine2.apply(grammar, args));
    try {
      const code = "const a = 1;\n\nlet b = `x${a}`;\n// done";
      codeToHastOnce(highlighter, code, options("typescript"));
      expect(calls).toEqual({ tokenizeLine: 3, tokenizeLine2: 0 });
      highlighter.codeToHast(code, options("typescript"));
      expect(calls.tokenizeLine2).toBe(6); // Shiki's own: a pass per theme
    } finally {
      Object.assign(grammar, original);
    }
  });
});
