import { describe, expect, it } from "vitest";
import { homePathFor, pathAfterLogin } from "./home-path";

describe("homePathFor", () => {
  it("sends citizens and companies to the hall, institutions to the portal, staff to the workbench", () => {
    expect(homePathFor({ kind: "citizen" })).toBe("/hall");
    expect(homePathFor({ kind: "company" })).toBe("/hall");
    expect(homePathFor({ kind: "institution" })).toBe("/portal");
    expect(homePathFor({ kind: "staff" })).toBe("/workbench");
  });
});

describe("pathAfterLogin", () => {
  it("returns to the page the user asked for when it is in their own area", () => {
    expect(pathAfterLogin({ kind: "staff" }, "/workbench/review")).toBe("/workbench/review");
  });

  it("ignores a next page in another area, another origin or a look-alike prefix", () => {
    expect(pathAfterLogin({ kind: "citizen" }, "/workbench/review")).toBe("/hall");
    expect(pathAfterLogin({ kind: "citizen" }, "//evil.example/hall")).toBe("/hall");
    expect(pathAfterLogin({ kind: "citizen" }, "/hallway")).toBe("/hall");
    expect(pathAfterLogin({ kind: "citizen" }, null)).toBe("/hall");
  });
});
