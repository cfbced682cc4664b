// Shared by the architecture checks (check-*.mjs): walk a source tree and read its imports.
import fs from "node:fs";
import path from "node:path";

const importPattern =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every .ts/.tsx file under `dir` that is not a test, as absolute paths. */
export function sourceFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(dir);
  return files;
}

/** The module specifiers a source text imports or re-exports. */
export const importsOf = (text) => [...text.matchAll(importPattern)].map((m) => m[1] ?? m[2]);

/** The repository root: the first command-line argument, else the folder above scripts/. */
export const repoRoot = () => path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "../.."));

/** Prints the problems and exits 1, or prints `ok`. */
export function report(title, problems, ok) {
  if (problems.length > 0) {
    console.error(`${title}:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log(ok);
}
