// `npm run bench -- <name> [options]`: runs one benchmark; each prints its figures as a table.
// Benchmarks never pass or fail on time (STYLE: speed targets live here, not in unit tests).

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [name, ...args] = process.argv.slice(2);
const dir = import.meta.dirname;
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join("|") || "name"}> [options]`);
  process.exit(name ? 2 : 0);
}
const mod = (await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href)) as {
  run: (args: string[]) => Promise<void>;
};
await mod.run(args);
