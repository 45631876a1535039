// snippets/: an esbuild plugin that makes node-inspect-extracted cheaper to start in every
// snippet's fresh realm, with the same output.
//
// The package carries Node's "primordials": at load it copies every method of every built-in
// (thousands, each bound with Function.prototype.call) into one object, of which its code
// destructures a few hundred names. A snippet's realm is new for every run, so this copy was
// about a quarter of the CPU each snippet cost at build (and of each Run in a reader's tab).
// The plugin keeps only the names the package's own source mentions: a copy is skipped only
// when its name appears nowhere in the file, so no name the code could ask for goes missing.
import { readFileSync } from "node:fs";
import type { Plugin } from "esbuild";

/** The head of the package's three loops that copy every own property of a built-in under a prefix. */
const COPY_LOOP = "for(const l of o(t)){const o=f(l),s=r(t,l);";
const COPY_LOOPS = 3;
/** Where the primordials module (webpack id 683) starts: its body begins after this text. */
const PRIMORDIALS_START = ",683(t){";
const KEYS = "__daybookPrimordialKeys";

/**
 * Every way a name the source mentions could be made from a prefix and a property's name, as
 * prefix → names: "MapPrototypeGetSize" gives Map → PrototypeGetSize, MapPrototype → GetSize and
 * Size (an accessor's getter), MapPrototypeGet → Size. Splits that match no property cost a lookup.
 */
function namesByPrefix(mentioned: readonly string[]): Record<string, string[]> {
  const byPrefix: Record<string, Set<string>> = {};
  for (const name of mentioned) {
    for (let i = 1; i < name.length; i++) {
      if (!/[A-Z]/.test(name[i]!)) continue;
      const prefix = name.slice(0, i);
      const rest = name.slice(i);
      const names = (byPrefix[prefix] ??= new Set());
      names.add(rest);
      if (/^[GS]et[A-Z]/.test(rest)) names.add(rest.slice(3));
      if (/.Apply$/.test(rest)) names.add(rest.slice(0, -5));
    }
  }
  return Object.fromEntries(Object.entries(byPrefix).map(([prefix, names]) => [prefix, [...names].sort()]));
}

/**
 * The package's source with each copying loop visiting only the properties whose copies' names it
 * mentions, found by name instead of by listing every property of the built-in. Throws, naming the
 * package, when its build is not the one this was written for (the lock file pins it).
 */
export function leanInspectSource(source: string): string {
  const start = source.indexOf(PRIMORDIALS_START);
  const loops = source.split(COPY_LOOP).length - 1;
  if (start < 0 || loops !== COPY_LOOPS) {
    throw new Error(`node-inspect-extracted's primordials are not where src/integration/snippets/lean-primordials.ts expects them (found ${loops} of ${COPY_LOOPS} copying loops); update the plugin for this version of the package`);
  }
  // Every name its code could destructure or read is written out in it (it builds none from parts).
  const mentioned = [...new Set(source.match(/\b[A-Z][A-Za-z0-9_]*\b/g))].sort();
  // The package names a property `${prefix}${Name}`: the key with its first letter raised, or for a
  // well-known symbol "Symbol" and its name (Symbol.iterator: SymbolIterator). This is the reverse.
  const keys = `const ${KEYS}=((b,h)=>(t,p)=>{const k=[];for(const n of h.call(b,p)?b[p]:[]){const s=n[0].toLowerCase()+n.slice(1),y=n.startsWith("Symbol")&&n.length>6?Symbol[n[6].toLowerCase()+n.slice(7)]:void 0;if(h.call(t,s))k.push(s);else if(h.call(t,n))k.push(n);else if(typeof y==="symbol"&&h.call(t,y))k.push(y)}return k})(${JSON.stringify(namesByPrefix(mentioned))},Object.prototype.hasOwnProperty);`;
  const body = start + PRIMORDIALS_START.length;
  return `${source.slice(0, body)}${keys}${source.slice(body).split(COPY_LOOP).join(`for(const l of ${KEYS}(t,i)){const o=f(l),s=r(t,l);`)}`;
}

/** The plugin: node-inspect-extracted's dist file, loaded through leanInspectSource. */
export function leanPrimordials(): Plugin {
  return {
    name: "daybook-lean-primordials",
    setup(build) {
      build.onLoad({ filter: /node-inspect-extracted[\\/]dist[\\/]inspect\.js$/ }, ({ path }) => ({ contents: leanInspectSource(readFileSync(path, "utf8")), loader: "js" }));
    },
  };
}
