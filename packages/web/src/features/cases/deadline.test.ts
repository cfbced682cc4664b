import { describe, expect, it } from "vitest";
import { chinaToday, deadlineState, stageIndex } from "./deadline";

describe("deadline markers", () => {
  it("marks a case late after its deadline and due soon within two days", () => {
    expect(deadlineState("2026-11-20", "2026-11-24")).toBe("overdue");
    expect(deadlineState("2026-11-25", "2026-11-24")).toBe("due-soon");
    expect(deadlineState("2026-12-10", "2026-11-24")).toBe("on-time");
    expect(deadlineState("2026-11-20", "2026-11-24", true)).toBe("paused");
    expect(deadlineState(null, "2026-11-24")).toBe("none");
    expect(deadlineState("2026-11-20", "2026-11-24", false, "registered")).toBe("done");
  });

  it("counts days in China's time zone and places side stages on the main line", () => {
    expect(chinaToday(new Date("2026-11-24T17:00:00Z"))).toBe("2026-11-25");
    expect(stageIndex("correction")).toBe(1);
    expect(stageIndex("registered")).toBe(4);
  });
});
