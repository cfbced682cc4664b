/**
 * The content of a query answer, shaped by the field set of the querent's kind and scope
 * (query-rules.ts `fieldsFor`): the one place where holder names and numbers are kept, masked or
 * left out. Pure: the server passes the register's records and, only when the field set discloses
 * the ID number in full, the decrypted numbers.
 */
import { maskHolderName } from "../certificates/certificate.lifecycle";
import { CO_OWNERSHIP_NAMES, ENCUMBRANCE_NAMES, RIGHT_TYPES } from "../register/code-lists";
import type { EncumbranceRecord, HolderRecord, RightRecord, UnitRecord } from "../register/register.types";
import type { Disclosure, FieldSet } from "./query-rules";

export type QueryBook = {
  unit: UnitRecord;
  rights: ReadonlyArray<{
    right: RightRecord;
    holders: ReadonlyArray<HolderRecord & { idNumber?: string | null }>;
  }>;
  encumbrances: readonly EncumbranceRecord[];
  history?: ReadonlyArray<{ seq: number; at: string; title: string }>;
  materials?: ReadonlyArray<{ name: string; caseId: string }>;
};

export type AnswerHolder = { name: string | null; idNumber: string | null; share: string | null };

export type QueryAnswer = {
  unitCode: string;
  address: string;
  natural: {
    buildingArea: number | null;
    innerArea: number | null;
    use: string | null;
    structure: string | null;
    floor: number | null;
    roomLabel: string | null;
  } | null;
  flags: {
    coOwned: boolean;
    mortgaged: boolean;
    advanceNotice: boolean;
    objection: boolean;
    seized: boolean;
  } | null;
  rights: Array<{
    rightType: string;
    rightTypeName: string;
    certificateNo: string | null;
    coOwnership: string;
    registeredAt: string;
    holders: AnswerHolder[];
  }> | null;
  restrictions: Array<{
    kind: string;
    kindName: string;
    status: string;
    rank: number | null;
    holderName: string;
    amount: number | null;
    documentNo: string | null;
    startsOn: string | null;
    endsOn: string | null;
    registeredAt: string;
  }> | null;
  history: Array<{ seq: number; at: string; title: string }> | null;
  materials: Array<{ name: string; caseId: string }> | null;
};

const PERSON = "1";

function nameAs(holder: HolderRecord, how: Disclosure): string | null {
  if (how === "absent") return null;
  if (how === "present") return holder.name;
  return maskHolderName({
    name: holder.name,
    kind: holder.holderType === PERSON ? "person" : "organisation",
  });
}

function idAs(holder: HolderRecord & { idNumber?: string | null }, how: Disclosure): string | null {
  if (how === "absent") return null;
  if (how === "masked") return holder.idNumberMasked;
  // A company's credit code is public; a person's number is revealed only when the server passed it.
  return holder.idNumber ?? holder.idNumberMasked;
}

/** The answer to one unit, with exactly the fields `fields` names. */
export function answerFor(book: QueryBook, fields: FieldSet): QueryAnswer {
  const current = book.rights.filter((r) => r.right.status === "current");
  const live = book.encumbrances.filter((e) => e.status !== "historic");
  const exists = (kind: EncumbranceRecord["kind"]) => live.some((e) => e.kind === kind);
  const u = book.unit;
  return {
    unitCode: u.unitCode,
    address: u.address,
    natural: fields.natural
      ? {
          buildingArea: u.buildingArea,
          innerArea: u.innerArea,
          use: u.use,
          structure: u.structure,
          floor: u.floor,
          roomLabel: u.roomLabel,
        }
      : null,
    flags: fields.flags
      ? {
          coOwned: current.some((r) => r.right.coOwnership !== "0" || r.holders.length > 1),
          mortgaged: exists("mortgage"),
          advanceNotice: exists("advance-notice"),
          objection: exists("objection"),
          seized: exists("seizure"),
        }
      : null,
    rights: fields.rights
      ? current.map(({ right, holders }) => ({
          rightType: right.rightType,
          rightTypeName: RIGHT_TYPES[right.rightType] ?? right.rightType,
          certificateNo: right.certificateNo,
          coOwnership: CO_OWNERSHIP_NAMES[right.coOwnership] ?? right.coOwnership,
          registeredAt: right.registeredAt,
          holders: holders.map((h) => ({
            name: nameAs(h, fields.holderName),
            idNumber: idAs(h, fields.holderId),
            share: h.share,
          })),
        }))
      : null,
    restrictions: fields.restrictions
      ? live.map((e) => ({
          kind: e.kind,
          kindName: ENCUMBRANCE_NAMES[e.kind].zh,
          status: e.status,
          rank: e.rank,
          holderName: e.holderName,
          amount: e.amount,
          documentNo: e.documentNo,
          startsOn: e.startsOn,
          endsOn: e.endsOn,
          registeredAt: e.registeredAt,
        }))
      : null,
    history: fields.history ? [...(book.history ?? [])] : null,
    materials: fields.materials ? [...(book.materials ?? [])] : null,
  };
}

/**
 * The unit's register version: the last entry that recorded or ended one of its rights or
 * restrictions. A certified result issued at version v is out of date once the version moves on.
 */
export function unitVersion(book: Pick<QueryBook, "rights" | "encumbrances">): number {
  let v = 0;
  for (const { right } of book.rights) v = Math.max(v, right.seq, right.endedSeq ?? 0);
  for (const e of book.encumbrances) v = Math.max(v, e.seq, e.updatedSeq, e.endedSeq ?? 0);
  return v;
}
