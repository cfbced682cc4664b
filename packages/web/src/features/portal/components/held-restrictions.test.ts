import { describe, expect, it } from "vitest";
import type { HeldRestriction } from "../../register/api/register.api";
import { collateralAlerts } from "./held-restrictions";

const held = (also: Partial<HeldRestriction["alsoOnUnit"]>, transferredSince = false) =>
  ({
    unitCode: "440604001002GB00001F00010006",
    address: "岭南花园1座202房",
    restriction: {} as HeldRestriction["restriction"],
    alsoOnUnit: {
      seized: false,
      waitingSeizures: 0,
      objection: false,
      advanceNotice: false,
      otherMortgages: 0,
      ...also,
    },
    transferredSince,
  }) as HeldRestriction;

describe("a collateral's alerts", () => {
  it("has none when nothing else weighs on the unit", () => {
    expect(collateralAlerts(held({}))).toEqual([]);
  });

  it("names a seizure first, then waiting seizures, objections, notices, other mortgages and a transfer", () => {
    expect(
      collateralAlerts(
        held(
          { seized: true, waitingSeizures: 2, objection: true, advanceNotice: true, otherMortgages: 1 },
          true,
        ),
      ).map((a) => [a.key, a.count]),
    ).toEqual([
      ["seized", undefined],
      ["waiting", 2],
      ["objection", undefined],
      ["advanceNotice", undefined],
      ["otherMortgages", 1],
      ["transferred", undefined],
    ]);
  });
});
