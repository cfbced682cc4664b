#!/usr/bin/env node
// Fails the build when packages/domain imports anything but its own files and small pure
// libraries (STYLE.md §2). Tests are exempt: they may call OpenSSL or use test tools.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../packages/domain/src");
const ALLOWED_PACKAGES = new Set(["sm-crypto-v2"]);
const importPattern =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

const problems = [];
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) check(full);
  }
}
function check(file) {
  const text = fs.readFileSync(file, "utf8");
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith("./") || spec.startsWith("../")) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(root))
        problems.push(`${path.relative(process.cwd(), file)}: leaves the domain (${spec})`);
      continue;
    }
    const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
    if (!ALLOWED_PACKAGES.has(pkg)) problems.push(`${path.relative(process.cwd(), file)}: imports ${spec}`);
  }
}
walk(root);
if (problems.length > 0) {
  console.error(`packages/domain must stay pure (no IO, no server code):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("domain purity: ok");
