import { chromium } from "playwright-core";
import { serveStatic } from "/work/main/tests/helpers/static-server.ts";
const site = await serveStatic("/work/main/dist");
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const [,, pathname, out, width, scheme] = process.argv;
const p = await b.newPage({ viewport: { width: Number(width||1100), height: 1000 }, colorScheme: scheme || "light" });
p.on("pageerror", e => console.log("pageerror", e.message));
await p.goto(site.url + pathname); await p.screenshot({ path: out, fullPage: false }); await b.close(); await site.close();
