import { describe, expect, it } from "vitest";
import { blocksOf, ctx, draft, ofRule, unit } from "../testing/given";
import { evaluateRules } from "./rule-engine";

describe("R20 announcement", () => {
  const homestead = unit({ unitCode: "440106005003JC00012F00010001", firstRegistered: false, rights: [] });
  const first = (startedOn?: string, objectionsReceived = 0) =>
    draft("first.homestead", startedOn ? { announcement: { startedOn, objectionsReceived } } : {});

  it("refuses to register a homestead before 15 working days of announcement, allows it after (R20)", () => {
    // Started 2025-06-03: the 15th working day is 2025-06-24.
    const register = (today: string) => ctx({ today, stage: "register" });
    expect(
      blocksOf(evaluateRules(first("2025-06-03"), homestead, register("2025-06-24")), "R20")[0]?.code,
    ).toBe("R20.NOT_COMPLETE");
    expect(blocksOf(evaluateRules(first("2025-06-03"), homestead, register("2025-06-25")), "R20")).toEqual(
      [],
    );
  });

  it("only informs at submit, and blocks when objections were received during the announcement (R20)", () => {
    expect(ofRule(evaluateRules(first(), homestead, ctx()), "R20").map((f) => f.severity)).toEqual(["info"]);
    const objected = evaluateRules(
      first("2025-06-03", 1),
      homestead,
      ctx({ today: "2025-06-30", stage: "register" }),
    );
    expect(blocksOf(objected, "R20").map((f) => f.code)).toEqual(["R20.OBJECTIONS_RECEIVED"]);
  });

  it("refuses an ex-officio correction announced before the parties' 30 working days ran (R20)", () => {
    const correction = (startedOn: string) =>
      draft("correction.ex-officio", {
        submittedBy: { kind: "staff", institutionKind: null },
        correction: { errorRegisteredOn: "2024-01-01", noticeServedOn: "2025-03-03" },
        announcement: { startedOn, objectionsReceived: 0 },
      });
    // 30 working days after 2025-03-03 is 2025-04-15.
    expect(blocksOf(evaluateRules(correction("2025-04-15"), unit(), ctx()), "R20")[0]?.code).toBe(
      "R20.NOTICE_FIRST",
    );
    expect(blocksOf(evaluateRules(correction("2025-04-16"), unit(), ctx()), "R20")).toEqual([]);
  });
});

describe("R21 correction", () => {
  it("refuses a correction when the unit was sold after the error, allows it otherwise (R21)", () => {
    const fix = draft("correction.application", { correction: { errorRegisteredOn: "2023-05-01" } });
    const sold = unit({ history: [{ entryKind: "right.transfer", registeredOn: "2024-02-01" }] });
    expect(blocksOf(evaluateRules(fix, sold, ctx()), "R21")[0]?.code).toBe("R21.DISPOSED_AFTER_ERROR");
    const before = unit({ history: [{ entryKind: "right.transfer", registeredOn: "2022-02-01" }] });
    expect(blocksOf(evaluateRules(fix, before, ctx()), "R21")).toEqual([]);
  });
});

describe("R22 tax and fees first", () => {
  const unpaid = draft("transfer.sale", { taxCleared: false, feePaid: false });

  it("refuses to register a transfer before deed tax is confirmed, informs before that (R22)", () => {
    expect(ofRule(evaluateRules(unpaid, unit(), ctx()), "R22").every((f) => f.severity === "info")).toBe(
      true,
    );
    expect(
      blocksOf(evaluateRules(unpaid, unit(), ctx({ stage: "register" })), "R22").map((f) => f.code),
    ).toEqual(["R22.DEED_TAX"]);
    expect(
      blocksOf(evaluateRules(draft("transfer.sale"), unit(), ctx({ stage: "register" })), "R22"),
    ).toEqual([]);
  });

  it("refuses to issue before fees are paid (R22)", () => {
    const taxed = { ...unpaid, taxCleared: true };
    expect(blocksOf(evaluateRules(taxed, unit(), ctx({ stage: "issue" })), "R22").map((f) => f.code)).toEqual(
      ["R22.FEE"],
    );
  });
});

describe("R23 time limits", () => {
  it("flags a case past its promised limit and shows the deadline while within it (R23)", () => {
    // Accepted Friday 2025-06-06; 3 working days → 2025-06-11.
    const accepted = draft("transfer.sale", { acceptedOn: "2025-06-06" });
    expect(ofRule(evaluateRules(accepted, unit(), ctx({ today: "2025-06-11" })), "R23")[0]?.code).toBe(
      "R23.DEADLINE",
    );
    expect(ofRule(evaluateRules(accepted, unit(), ctx({ today: "2025-06-12" })), "R23")[0]?.code).toBe(
      "R23.PROMISED_OVERDUE",
    );
  });

  it("excludes the correction period from the limit (R23)", () => {
    const corrected = draft("transfer.sale", {
      acceptedOn: "2025-06-06",
      pauses: [{ kind: "correction", from: "2025-06-09", to: "2025-06-11" }],
    });
    expect(ofRule(evaluateRules(corrected, unit(), ctx({ today: "2025-06-12" })), "R23")[0]?.code).toBe(
      "R23.DEADLINE",
    );
  });
});

describe("R24 counting time", () => {
  it("refuses dates that are not calendar dates (R24)", () => {
    const bad = draft("mortgage.first.general", { mortgage: { debtEnd: "2026-02-30" } });
    expect(blocksOf(evaluateRules(bad, unit(), ctx()), "R24").map((f) => f.code)).toEqual([
      "R24.INVALID_DATE",
    ]);
    expect(blocksOf(evaluateRules(draft("mortgage.first.general"), unit(), ctx()), "R24")).toEqual([]);
  });

  it("reports an impossible acceptance date instead of counting with it (R24)", () => {
    const bad = draft("transfer.sale", {
      acceptedOn: "2025-02-29",
      pauses: [{ kind: "correction", from: "2025-13-01" }],
    });
    const findings = evaluateRules(bad, unit(), ctx());
    expect(blocksOf(findings, "R24").map((f) => f.message_en)).toEqual([
      "Not a calendar date: acceptedOn = 2025-02-29",
      "Not a calendar date: pauses[0].from = 2025-13-01",
    ]);
    expect(ofRule(findings, "R23")).toEqual([]);
  });

  it("keeps an objection whose 15th day falls in the National Day holiday until the next working day (R24)", () => {
    // Registered 2025-09-20: day 15 is 2025-10-05, a holiday, so it runs until 2025-10-09.
    const state = unit({
      objections: [
        {
          id: "o-1",
          applicantId: "x",
          matter: "m",
          grounds: "g",
          registeredOn: "2025-09-20",
          status: "effective",
        },
      ],
    });
    const onThe9th = evaluateRules(draft("transfer.sale"), state, ctx({ today: "2025-10-09" }));
    expect(ofRule(onThe9th, "R24")[0]?.message_en).toBe(
      "The objection o-1 period's last day 2025-10-05 is a rest day: it runs until 2025-10-09",
    );
    expect(ofRule(onThe9th, "R12")).toHaveLength(1);
    expect(ofRule(evaluateRules(draft("transfer.sale"), state, ctx({ today: "2025-10-10" })), "R12")).toEqual(
      [],
    );
  });
});

describe("R28 withdrawal", () => {
  it("refuses to register a case withdrawn before recording (R28)", () => {
    const withdrawn = draft("transfer.sale", { withdrawnAt: "2025-06-10T15:00:00+08:00" });
    expect(blocksOf(evaluateRules(withdrawn, unit(), ctx({ stage: "register" })), "R28")[0]?.basis).toBe(
      "条例 第15条",
    );
    expect(ofRule(evaluateRules(draft("transfer.sale"), unit(), ctx({ stage: "register" })), "R28")).toEqual(
      [],
    );
  });
});
