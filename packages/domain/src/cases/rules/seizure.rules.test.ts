import { describe, expect, it } from "vitest";
import { blocksOf, ctx, draft, mortgage, ofRule, seizure, unit } from "../testing/given";
import { evaluateRules } from "./rule-engine";
import { seizureEntryOnArrival } from "./seizure.rules";

const courtOrder = (overrides = {}) => ({
  court: "court-b",
  deliveredAt: "2025-06-10T10:00:00+08:00",
  periodStart: "2025-06-10",
  periodEnd: "2028-06-10",
  ...overrides,
});

describe("R7 seizure blocks disposal", () => {
  it("refuses a transfer of a seized unit (R7)", () => {
    const findings = evaluateRules(draft("transfer.sale"), unit({ seizures: [seizure()] }), ctx());
    expect(blocksOf(findings, "R7").map((f) => f.code)).toEqual(["R7.UNIT_SEIZED"]);
  });

  it("refuses a mortgage of a seized unit under 民法典 399 (R7)", () => {
    const findings = evaluateRules(draft("mortgage.first.general"), unit({ seizures: [seizure()] }), ctx());
    expect(blocksOf(findings, "R7")[0]?.basis).toBe("民法典 第399条第5项");
  });

  it("allows a mortgage cancellation and an objection on a seized unit, and sends a name change to a reviewer (R7)", () => {
    const state = unit({ seizures: [seizure()], mortgages: [mortgage()] });
    const cancel = evaluateRules(
      draft("mortgage.cancel", { mortgage: { targetMortgageId: "mortgage-1" } }),
      state,
      ctx(),
    );
    expect(ofRule(cancel, "R7")).toEqual([]);
    expect(ofRule(evaluateRules(draft("objection.create"), state, ctx()), "R7")).toEqual([]);
    const rename = evaluateRules(draft("change.holder-name"), state, ctx());
    expect(ofRule(rename, "R7").map((f) => f.severity)).toEqual(["warn"]);
  });

  it("allows the transfer once the seizure has lapsed at the end of its period (R7, R9)", () => {
    const state = unit({ seizures: [seizure({ periodEnd: "2025-06-09" })] });
    expect(blocksOf(evaluateRules(draft("transfer.sale"), state, ctx()), "R7")).toEqual([]);
  });
});

describe("R8 waiting seizures", () => {
  it("records a second court's seizure as waiting behind the effective one (R8)", () => {
    const state = unit({ seizures: [seizure()] });
    expect(seizureEntryOnArrival(state, ctx())).toBe("seizure.wait");
    const findings = evaluateRules(draft("seizure.seize", { seizure: courtOrder() }), state, ctx());
    expect(ofRule(findings, "R8").map((f) => f.code)).toEqual(["R8.WILL_WAIT"]);
    expect(blocksOf(findings, "R7")).toEqual([]);
  });

  it("refuses a transfer after the first seizure lapsed because the waiting one took effect (R8)", () => {
    const state = unit({
      seizures: [
        seizure({ periodEnd: "2025-05-31" }),
        seizure({
          id: "seizure-2",
          court: "court-b",
          status: "waiting",
          deliveredAt: "2025-02-01T09:00:00+08:00",
        }),
      ],
    });
    const findings = evaluateRules(draft("transfer.sale"), state, ctx());
    expect(ofRule(findings, "R8").map((f) => f.message_en)).toEqual([
      "Waiting seizure seizure-2 took effect on 2025-06-01",
    ]);
    expect(blocksOf(findings, "R7")[0]?.message_zh).toContain("court-b");
  });

  it("allows the transfer when no waiting seizure remains after the lapse (R8)", () => {
    const state = unit({ seizures: [seizure({ periodEnd: "2025-05-31" })] });
    const findings = evaluateRules(draft("transfer.sale"), state, ctx());
    expect(ofRule(findings, "R8")).toEqual([]);
    expect(blocksOf(findings, "R7")).toEqual([]);
  });
});

describe("R9 seizure period", () => {
  it("refuses a seizure longer than three years and allows exactly three (R9)", () => {
    const long = evaluateRules(
      draft("seizure.seize", { seizure: courtOrder({ periodEnd: "2028-06-11" }) }),
      unit(),
      ctx(),
    );
    expect(blocksOf(long, "R9").map((f) => f.code)).toEqual(["R9.PERIOD_TOO_LONG"]);
    const exact = evaluateRules(draft("seizure.seize", { seizure: courtOrder() }), unit(), ctx());
    expect(blocksOf(exact, "R9")).toEqual([]);
  });

  it("refuses an extension that arrives after the seizure expired, allows one before (R9)", () => {
    const state = unit({ seizures: [seizure({ periodEnd: "2025-06-09" })] });
    const extend = (today: string) =>
      evaluateRules(
        draft("seizure.extend", {
          seizure: courtOrder({ court: "court-a", targetSeizureId: "seizure-1", periodEnd: "2028-06-09" }),
        }),
        state,
        ctx({ today }),
      );
    expect(blocksOf(extend("2025-06-10"), "R9").map((f) => f.code)).toEqual(["R9.NOT_IN_FORCE"]);
    expect(blocksOf(extend("2025-06-09"), "R9")).toEqual([]);
  });

  it("refuses a release by a court that did not seize (R9)", () => {
    const release = draft("seizure.release", { seizure: courtOrder({ targetSeizureId: "seizure-1" }) });
    const findings = evaluateRules(release, unit({ seizures: [seizure()] }), ctx());
    expect(blocksOf(findings, "R9").map((f) => f.code)).toEqual(["R9.OTHER_COURT"]);
  });
});
