#!/usr/bin/env node
import fs from "node:fs";
// Fails the build when packages/domain imports anything but its own files and small pure
// libraries (STYLE.md §2). Tests are exempt: they may call OpenSSL or use test tools.
// Usage: node scripts/check-domain-purity.mjs [repository root]
import path from "node:path";
import { importsOf, repoRoot, report, sourceFiles } from "./lib/source-files.mjs";

const root = path.join(repoRoot(), "packages/domain/src");
const ALLOWED_PACKAGES = new Set(["sm-crypto-v2"]);

const problems = [];
for (const file of sourceFiles(root)) {
  const name = path.relative(root, file);
  for (const spec of importsOf(fs.readFileSync(file, "utf8"))) {
    if (spec.startsWith("./") || spec.startsWith("../")) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(root + path.sep)) problems.push(`${name}: leaves the domain (${spec})`);
      continue;
    }
    const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
    if (!ALLOWED_PACKAGES.has(pkg)) problems.push(`${name}: imports ${spec}`);
  }
}
report("packages/domain must stay pure (no IO, no server code)", problems, "domain purity: ok");
