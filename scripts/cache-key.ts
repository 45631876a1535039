// `npm run --silent cache-key`: prints the key a kept build cache (.cache/daybook/) is valid for,
// from src/integration/cache-key.ts. The deploy workflow caches that folder under this key; any
// other CI can do the same (README, "Keeping the build cache in CI").
import { fileURLToPath } from "node:url";
import { cacheKey } from "../src/integration/cache-key.ts";

console.log(cacheKey(fileURLToPath(new URL("..", import.meta.url))).key);
