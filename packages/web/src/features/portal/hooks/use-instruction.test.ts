import { describe, expect, it } from "vitest";
import { periodEnd, seizureRequest } from "./use-instruction";

describe("a court's instruction", () => {
  it("names the court as 嘱托机关 and carries the document, period and target", () => {
    const request = seizureRequest(
      {
        typeId: "seizure.release",
        unitCode: "440604 001002 GB00001 F00010010",
        documentNo: "（2026）粤0604执保1号之一",
        periodStart: "2026-11-25",
        periodEnd: "2029-11-24",
        targetSeizureId: "123",
      },
      "佛山市禅城区人民法院",
      "court.chancheng",
    );
    expect(request.unitCode).toBe("440604001002GB00001F00010010");
    expect(request.parts?.[0]?.parties).toEqual([
      { role: "instructing-authority", account: "court.chancheng" },
    ]);
    expect(request.parts?.[0]?.details).toMatchObject({
      documentNo: "（2026）粤0604执保1号之一",
      seizure: { court: "佛山市禅城区人民法院", periodEnd: "2029-11-24", targetSeizureId: "123" },
    });
  });

  it("ends a three-year period the day before the anniversary (R9)", () => {
    expect(periodEnd("2026-11-25", 3)).toBe("2029-11-24");
    expect(periodEnd("2028-03-01", 1)).toBe("2029-02-28");
  });
});
