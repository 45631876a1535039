import { createHash } from "node:crypto";
import { bundleSandboxFrame } from "./runner-bundle.ts";

/**
 * The page snippet code runs in, served at `/runner/sandbox.html` and loaded on a reader's first
 * Run into `<iframe sandbox="allow-scripts">`: an opaque origin (no cookies, storage or access to
 * the journal's page) under its own policy, which forbids every network request. It is a page
 * of its own rather than a `srcdoc` so that it does not inherit the journal page's policy, and
 * the journal page's policy needs no `blob:` or inline-script allowance for it.
 *
 * Its one script (src/client/snippets/frame-main.ts) is allowed by its hash, and it runs nothing
 * unless it is sandboxed inside a page of the journal; `blob:` is for the worker runtime and the
 * snippet modules it imports (a blob: worker inherits this policy).
 */
export async function sandboxPageHtml(root = process.cwd()): Promise<string> {
  const script = await bundleSandboxFrame(root);
  if (/<\/script|<!--/i.test(script)) throw new Error("the sandbox frame's script contains </script or <!--, which would end it early in HTML");
  const hash = createHash("sha256").update(script).digest("base64");
  const csp = `default-src 'none'; script-src 'sha256-${hash}' blob:; worker-src blob:; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${csp}">
<meta name="robots" content="noindex">
<title>Snippet sandbox</title>
</head>
<body>
<p id="status">This page runs a journal's snippets inside a sandboxed frame of the journal.</p>
<script>${script}</script>
</body>
</html>
`;
}
