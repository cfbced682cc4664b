import { describe, expect, it } from "vitest";
import { groupStaff, scheduleFormatOf } from "./staff";

describe("staff administration helpers", () => {
  it("groups one row per role into one row per account, roles in post order", () => {
    const rows = [
      { id: "a", username: "x", display_name: "X", role: "archivist" as const, disabled: false },
      { id: "a", username: "x", display_name: "X", role: "acceptor" as const, disabled: false },
      { id: "b", username: "y", display_name: "Y", role: "admin" as const, disabled: true },
    ];
    expect(groupStaff(rows)).toEqual([
      { id: "a", username: "x", displayName: "X", roles: ["acceptor", "archivist"], disabled: false },
      { id: "b", username: "y", displayName: "Y", roles: ["admin"], disabled: true },
    ]);
  });

  it("tells a JSON schedule from a CSV one", () => {
    expect(scheduleFormatOf("2027.json", "")).toBe("json");
    expect(scheduleFormatOf("2027.txt", ' [{"date":"2027-01-01"}]')).toBe("json");
    expect(scheduleFormatOf("2027.csv", "2027-01-01,放假,元旦")).toBe("csv");
  });
});
