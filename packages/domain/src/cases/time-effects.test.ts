import { describe, expect, it } from "vitest";
import { CALENDAR, seizure, unit } from "./testing/given";
import {
  advanceNoticeEffectsAt,
  habitationEffectsAt,
  objectionEffectsAt,
  seizureEffectsAt,
  seizureEffectsOfDisposal,
  seizureEffectsOfRelease,
  timeDrivenEffectsAt,
} from "./time-effects";

const waiting = (id: string, deliveredAt: string, periodEnd = "2028-03-01") =>
  seizure({
    id,
    court: `court-${id}`,
    status: "waiting",
    deliveredAt,
    periodStart: deliveredAt.slice(0, 10),
    periodEnd,
  });

describe("seizureEffectsAt (R8, R9)", () => {
  it("lapses an expired seizure and promotes the earliest waiting one that same moment", () => {
    const state = unit({
      seizures: [
        seizure({ periodEnd: "2025-05-31" }),
        waiting("late", "2025-03-02T09:00:00+08:00"),
        waiting("early", "2025-03-01T09:00:00+08:00"),
      ],
    });
    const { effects, seizures } = seizureEffectsAt(state, "2025-06-10");
    expect(effects).toEqual([
      { kind: "seizure.lapse", id: "seizure-1", on: "2025-06-01", rule: "R9" },
      { kind: "seizure.promote", id: "early", on: "2025-06-01", periodEnd: "2028-03-01", rule: "R8" },
    ]);
    expect(seizures.map((s) => [s.id, s.status])).toEqual([
      ["seizure-1", "lapsed"],
      ["late", "waiting"],
      ["early", "effective"],
    ]);
  });

  it("keeps a seizure effective through the last day of its period", () => {
    expect(
      seizureEffectsAt(unit({ seizures: [seizure({ periodEnd: "2025-06-10" })] }), "2025-06-10").effects,
    ).toEqual([]);
  });

  it("can run a promoted seizure's period from its conversion [?] instead of its own notice", () => {
    const state = unit({
      seizures: [
        seizure({ periodEnd: "2025-05-31" }),
        waiting("w", "2025-03-01T09:00:00+08:00", "2026-03-01"),
      ],
    });
    const fromNotice = seizureEffectsAt(state, "2025-06-10").effects[1];
    const fromConversion = seizureEffectsAt(state, "2025-06-10", { waitingPeriodFrom: "conversion" })
      .effects[1];
    expect(fromNotice).toMatchObject({ kind: "seizure.promote", periodEnd: "2026-03-01" });
    expect(fromConversion).toMatchObject({ kind: "seizure.promote", periodEnd: "2026-06-01" });
  });

  it("chains lapses: a waiting seizure whose own period ended never takes effect", () => {
    const state = unit({
      seizures: [
        seizure({ periodEnd: "2025-05-31" }),
        waiting("stale", "2025-01-20T09:00:00+08:00", "2025-04-30"),
        waiting("next", "2025-02-01T09:00:00+08:00"),
      ],
    });
    expect(seizureEffectsAt(state, "2025-06-10").effects.map((e) => [e.kind, e.id])).toEqual([
      ["seizure.lapse", "stale"],
      ["seizure.lapse", "seizure-1"],
      ["seizure.promote", "next"],
    ]);
  });

  it("promotes on release and lapses every waiting seizure when the first court disposes of the whole unit", () => {
    const state = unit({
      seizures: [
        seizure(),
        waiting("w1", "2025-03-01T09:00:00+08:00"),
        waiting("w2", "2025-04-01T09:00:00+08:00"),
      ],
    });
    expect(seizureEffectsOfRelease(state, "seizure-1", "2025-06-10")).toEqual([
      { kind: "seizure.promote", id: "w1", on: "2025-06-10", periodEnd: "2028-03-01", rule: "R8" },
    ]);
    expect(seizureEffectsOfDisposal(state, "2025-06-10").map((e) => e.id)).toEqual(["w1", "w2"]);
  });
});

describe("other time-driven effects", () => {
  it("lapses an advance notice 90 days after registration became possible, moved off a holiday (R11, R24)", () => {
    // 2025-07-04 + 90 days = 2025-10-02 (National Day) → runs until 2025-10-09, lapses on 10-10.
    const state = unit({
      advanceNotices: [
        {
          id: "n",
          kind: "sale",
          holderIds: ["b"],
          obligorIds: ["s"],
          registeredOn: "2025-01-01",
          registrablePossibleOn: "2025-07-04",
          status: "effective",
        },
      ],
    });
    expect(advanceNoticeEffectsAt(state, "2025-10-09", CALENDAR)).toEqual([]);
    expect(advanceNoticeEffectsAt(state, "2025-10-10", CALENDAR)).toEqual([
      { kind: "advance-notice.lapse", id: "n", on: "2025-10-10", rule: "R11" },
    ]);
  });

  it("lapses an objection without a court filing after 15 days (R12)", () => {
    const state = unit({
      objections: [
        {
          id: "o",
          applicantId: "x",
          matter: "m",
          grounds: "g",
          registeredOn: "2025-06-01",
          status: "effective",
        },
      ],
    });
    expect(objectionEffectsAt(state, "2025-06-17", CALENDAR)).toEqual([
      { kind: "objection.lapse", id: "o", on: "2025-06-17", rule: "R12" },
    ]);
  });

  it("ends a habitation right at its term or the holder's death (R18)", () => {
    const state = unit({
      habitations: [
        { id: "h1", holderId: "a", termEnd: "2025-06-01", status: "current" },
        { id: "h2", holderId: "b", holderDeceased: true, status: "current" },
        { id: "h3", holderId: "c", termEnd: "2030-01-01", status: "current" },
      ],
    });
    expect(habitationEffectsAt(state, "2025-06-10")).toEqual([
      { kind: "habitation.end", id: "h1", on: "2025-06-02", reason: "term", rule: "R18" },
      { kind: "habitation.end", id: "h2", on: "2025-06-10", reason: "death", rule: "R18" },
    ]);
  });

  it("gathers every effect in date order for the scheduler", () => {
    const state = unit({
      seizures: [seizure({ periodEnd: "2025-06-05" })],
      objections: [
        {
          id: "o",
          applicantId: "x",
          matter: "m",
          grounds: "g",
          registeredOn: "2025-05-10",
          status: "effective",
        },
      ],
    });
    expect(timeDrivenEffectsAt(state, "2025-06-10", CALENDAR).map((e) => [e.on, e.kind])).toEqual([
      ["2025-05-27", "objection.lapse"],
      ["2025-06-06", "seizure.lapse"],
    ]);
  });
});
