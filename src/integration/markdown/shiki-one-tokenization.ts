// markdown/: Shiki's highlighting in several themes with the code tokenized once, not once per
// theme. hast-code-highlight.ts highlights every fenced block of a build with it.

import type { Root } from "hast";
import type { CodeToHastOptions, Highlighter, ShikiPrimitive } from "shiki";
import { codeToHast } from "shiki/core";
import { EncodedTokenMetadata, type IGrammar, type StateStack } from "shiki/textmate";

/**
 * `highlighter.codeToHast(code, options)`, byte for byte, for options with `themes`.
 *
 * Shiki colours a block in two themes by tokenizing it twice, one pass of the grammar
 * (vscode-textmate's `tokenizeLine2`) per theme, then splitting the two token lists at each
 * other's boundaries. The grammar's regular expressions, most of the work, match the same text
 * whatever the theme; only the tokens' colours and where equal colours merge differ. Here each
 * line is tokenized once into scoped pieces (`tokenizeLine`), and each theme's pass is handed the
 * tokens `tokenizeLine2` would have produced under it: each piece's metadata folded over its
 * scopes as vscode-textmate's `AttributedScopeStack` folds them (the grammar's attributes of each
 * scope, then the active theme's match of the scope path so far), with its balanced-bracket bit
 * as `LineTokens` sets it, and neighbours of equal metadata merged as `LineTokens` merges them.
 * A grammar whose tokens this would not reproduce exactly (token-type overrides, brackets told
 * apart by scope: no language Shiki bundles has either) is tokenized as Shiki does.
 * tests/unit/shiki-one-tokenization.test.ts compares the two on every language Daybook knows.
 */
export function codeToHastOnce(highlighter: Highlighter, code: string, options: CodeToHastOptions): Root {
  const grammars = new Map<ShikiGrammar, ShikiGrammar>();
  // The highlighter is Shiki's primitive (its registry's functions) plus the shorthands.
  const primitive: ShikiPrimitive = {
    ...highlighter,
    getLanguage(name) {
      const grammar = highlighter.getLanguage(name);
      let once = grammars.get(grammar);
      if (!once) grammars.set(grammar, (once = (oneTokenization(grammar as unknown as ExposedGrammar) ?? grammar) as ShikiGrammar));
      return once;
    },
  };
  return codeToHast(primitive, code, options);
}

type ShikiGrammar = ReturnType<ShikiPrimitive["getLanguage"]>;

/** The internals of vscode-textmate's grammar this reads (present in @shikijs/vscode-textmate 10). */
export interface ExposedGrammar extends IGrammar {
  name: string;
  themeProvider: { getDefaults(): StyleAttributes; themeMatch(path: ScopePath): StyleAttributes | null };
  getMetadataForScope(scope: string): { languageId: number; tokenType: number };
  _basicScopeAttributesProvider?: { getDefaultAttributes(): { languageId: number; tokenType: number } };
  _tokenTypeMatchers?: unknown[];
  balancedBracketSelectors: { matchesAlways: boolean; matchesNever: boolean } | null;
}
interface StyleAttributes {
  fontStyle: number;
  foregroundId: number;
  backgroundId: number;
}
/** What a theme's match reads of vscode-textmate's ScopeStack. */
interface ScopePath {
  parent: ScopePath | null;
  scopeName: string;
}

interface ScopedLine {
  pieces: { startIndex: number; scopes: string[] }[];
  ruleStack: StateStack;
  stoppedEarly: boolean;
}

/**
 * The grammar for one highlighting call: its first pass over a line tokenizes it, later passes (the
 * other themes) reuse the pieces. Lines are found again by the state they start from, which is
 * the same object in every pass because each pass is handed the states the first one made.
 * Undefined for a grammar whose tokens it would not reproduce.
 */
export function oneTokenization(grammar: ExposedGrammar): IGrammar | undefined {
  const selectors = grammar.balancedBracketSelectors;
  if (grammar._tokenTypeMatchers?.length || (selectors && !selectors.matchesAlways && !selectors.matchesNever)) return undefined;
  if (typeof grammar._basicScopeAttributesProvider?.getDefaultAttributes !== "function") return undefined;
  const lines = new Map<StateStack | null, Map<string, ScopedLine>>();
  const trees = TREES.get(grammar) ?? new Map<StyleAttributes, ScopeNode>();
  TREES.set(grammar, trees);
  // LineTokens sets the balanced-bracket bit on every token or on none (checked above).
  const brackets = selectors?.matchesAlways === true;
  return {
    name: grammar.name,
    tokenizeLine: grammar.tokenizeLine.bind(grammar),
    tokenizeLine2(lineText: string, prevState: StateStack | null, timeLimit?: number) {
      let byText = lines.get(prevState);
      if (!byText) lines.set(prevState, (byText = new Map()));
      let line = byText.get(lineText);
      if (!line) {
        const result = grammar.tokenizeLine(lineText, prevState, timeLimit);
        line = { pieces: result.tokens, ruleStack: result.ruleStack, stoppedEarly: result.stoppedEarly };
        byText.set(lineText, line);
      }
      // One tree per theme: the active theme's defaults are one object for as long as it is active.
      const defaults = grammar.themeProvider.getDefaults();
      let tree = trees.get(defaults);
      if (!tree) trees.set(defaults, (tree = scopeTree(grammar, defaults)));
      return { tokens: binaryTokens(grammar, tree, brackets, line.pieces), ruleStack: line.ruleStack, stoppedEarly: line.stoppedEarly };
    },
  } as IGrammar;
}

/**
 * The metadata of every scope path seen under one theme, as a tree of scopes: each node holds the
 * metadata AttributedScopeStack gives that path, so a piece costs a lookup per scope and a path
 * is matched against the theme once.
 */
interface ScopeNode {
  path: ScopePath | null;
  /** The folded metadata of this path, as the scope stack carries it. */
  value: number;
  children: Map<string, ScopeNode>;
}

/** Each grammar's trees, one per theme (by the theme's defaults, one object per loaded theme): kept from block to block. */
const TREES = new WeakMap<ExposedGrammar, Map<StyleAttributes, ScopeNode>>();

/** The tree for the active theme: the metadata every token starts from (the grammar's defaults, the theme's). */
function scopeTree(grammar: ExposedGrammar, defaults: StyleAttributes): ScopeNode {
  const base = grammar._basicScopeAttributesProvider!.getDefaultAttributes();
  return { path: null, value: EncodedTokenMetadata.set(0, base.languageId, base.tokenType, null, defaults.fontStyle, defaults.foregroundId, defaults.backgroundId), children: new Map() };
}

/** vscode-textmate's binary tokens (start, metadata, …) of a line's pieces under the active theme. */
function binaryTokens(grammar: ExposedGrammar, tree: ScopeNode, brackets: boolean, pieces: ScopedLine["pieces"]): Uint32Array {
  const tokens: number[] = [];
  for (const piece of pieces) {
    let node = tree;
    for (const scopeName of piece.scopes) node = node.children.get(scopeName) ?? pushed(grammar, node, scopeName);
    const value = brackets ? EncodedTokenMetadata.set(node.value, 0, 8, true, -1, 0, 0) : node.value;
    // LineTokens: a piece whose metadata equals the last token's extends it.
    if (tokens.length > 0 && tokens[tokens.length - 1] === value) continue;
    tokens.push(piece.startIndex, value);
  }
  return Uint32Array.from(tokens);
}

/** AttributedScopeStack._pushAttributed: the grammar's attributes of the scope, then the theme's match of the longer path. */
function pushed(grammar: ExposedGrammar, parent: ScopeNode, scopeName: string): ScopeNode {
  const path: ScopePath = { parent: parent.path, scopeName };
  const attributes = grammar.getMetadataForScope(scopeName);
  const style = grammar.themeProvider.themeMatch(path);
  // mergeAttributes: an unmatched scope keeps what its parent had (font style -1, colours 0).
  const value = EncodedTokenMetadata.set(parent.value, attributes.languageId, attributes.tokenType, null, style?.fontStyle ?? -1, style?.foregroundId ?? 0, style?.backgroundId ?? 0);
  const node: ScopeNode = { path, value, children: new Map() };
  parent.children.set(scopeName, node);
  return node;
}
