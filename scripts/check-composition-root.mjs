#!/usr/bin/env node
// One composition root (STYLE.md §15): packages/server/src/platform is plumbing and imports no
// capability (calendar/, cases/, register/ …) and no entry point; entrypoints/ wires them together.
// Usage: node scripts/check-composition-root.mjs [repository root]
import fs from "node:fs";
import path from "node:path";
import { importsOf, repoRoot, report, sourceFiles } from "./lib/source-files.mjs";

const src = path.join(repoRoot(), "packages/server/src");
const platform = path.join(src, "platform");

const problems = [];
for (const file of sourceFiles(platform)) {
  for (const spec of importsOf(fs.readFileSync(file, "utf8"))) {
    if (!spec.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), spec);
    if (target.startsWith(platform + path.sep)) continue;
    const folder = path.relative(src, target).split(path.sep)[0];
    problems.push(`${path.relative(src, file)}: imports ${folder}/ (${spec})`);
  }
}
report("platform/ must not import a capability or an entry point", problems, "composition root: ok");
