import { type IsoDate, parseIsoDate } from "../calendar/iso-date";

/**
 * 家庭 — the household whose homes are counted for deed tax: the buyer, the spouse and the minor
 * children (财政部 税务总局 住房城乡建设部公告2024年第16号). People are referred to by a stable key
 * (a lookup hash of the resident ID number, never the number itself).
 */
export type HouseholdPerson = { personKey: string; birthDate: IsoDate };

export type HouseholdInput = {
  buyer: HouseholdPerson;
  spouse?: HouseholdPerson | null;
  children?: readonly HouseholdPerson[];
};

export type Household = { members: HouseholdPerson[]; adultChildrenExcluded: number };

/** True if `person` is under 18 on `onDate` (the 18th birthday counts as adult). */
export function isMinor(birthDate: IsoDate, onDate: IsoDate): boolean {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(onDate);
  if (!b || !d) throw new RangeError(`bad date ${birthDate} / ${onDate}`);
  const eighteenth = [b.year + 18, b.month, b.day] as const;
  const today = [d.year, d.month, d.day] as const;
  for (let i = 0; i < 3; i++) {
    if (today[i]! !== eighteenth[i]!) return today[i]! < eighteenth[i]!;
  }
  return false;
}

/** The members whose homes count: buyer, spouse, and children still minors on `onDate`. */
export function householdOf(input: HouseholdInput, onDate: IsoDate): Household {
  const children = input.children ?? [];
  const minors = children.filter((c) => isMinor(c.birthDate, onDate));
  const members = [input.buyer, ...(input.spouse ? [input.spouse] : []), ...minors];
  const unique = [...new Map(members.map((m) => [m.personKey, m])).values()];
  return { members: unique, adultChildrenExcluded: children.length - minors.length };
}
