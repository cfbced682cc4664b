import { describe, expect, it } from "vitest";
import { archiveCategoryOf, mayDestroy } from "./retention";

describe("archive retention", () => {
  it("keeps register records for ever", () => {
    expect(archiveCategoryOf({ recordedEntries: 2 })).toBe("register");
    expect(mayDestroy({ category: "register", retention: "10y", year: 1990 }, "2026-12-03").allowed).toBe(
      false,
    );
    expect(mayDestroy({ category: "legacy", retention: "permanent", year: 1990 }, "2026-12-03").allowed).toBe(
      false,
    );
  });
  it("destroys other records only after their period", () => {
    expect(archiveCategoryOf({ recordedEntries: 0 })).toBe("unregistered");
    expect(mayDestroy({ category: "unregistered", retention: "30y", year: 1996 }, "2026-12-03").allowed).toBe(
      false,
    );
    expect(mayDestroy({ category: "unregistered", retention: "30y", year: 1995 }, "2026-12-03").allowed).toBe(
      true,
    );
    expect(
      mayDestroy({ category: "working", retention: "permanent", year: 1900 }, "2026-12-03").allowed,
    ).toBe(false);
  });
});
