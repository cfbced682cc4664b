import type { UnitSlice } from "./unit-slice";

/** The lookup hashes of the holders of the unit's live mortgages (抵押物变动通知 goes to them). */
export const mortgageesOf = (slice: Pick<UnitSlice, "encumbrances">): string[] =>
  slice.encumbrances
    .filter((e) => e.kind === "mortgage" && e.status !== "historic" && e.holderIdHash)
    .map((e) => e.holderIdHash!);
