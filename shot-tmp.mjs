import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const [,, url, out, width, scheme] = process.argv;
const p = await b.newPage({ viewport: { width: Number(width||1100), height: 900 }, colorScheme: scheme || "light" });
await p.goto(url); await p.screenshot({ path: out, fullPage: false }); await b.close();
