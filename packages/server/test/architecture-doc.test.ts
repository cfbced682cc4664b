import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

/** Every repository path docs/architecture.md names in backticks, and whether it exists. */
describe("docs/architecture.md", () => {
  it("names only files and folders that exist", () => {
    const text = fs.readFileSync(path.join(root, "docs/architecture.md"), "utf8");
    const paths = [...text.matchAll(/`((?:packages|scripts|docs|bench|e2e)\/[^`*<>\s]+)`/g)].map(
      (m) => m[1]!,
    );
    expect(paths.length).toBeGreaterThan(20);
    const missing = paths.filter((p) => !fs.existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });
});
