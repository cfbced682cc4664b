import { canonicalJson, sm3Hex } from "../integrations/shared/sm2";
import type { CaseRow, PartRow, PartyRow } from "./case.repository";

/** Details that are not part of what the parties sign: other people's consents and risk statements. */
const UNSIGNED_DETAILS = new Set(["consents", "riskStatements"]);

/**
 * The case's canonical content (申请内容): what every party confirms and signs with SM2. Any change
 * to it (a party added, an amount changed) changes its SM3 digest, so earlier signatures no longer
 * count and the parties confirm again.
 */
export function caseContent(
  c: Pick<CaseRow, "id" | "kind" | "type_id" | "unit_code" | "jurisdiction">,
  parts: readonly Pick<PartRow, "part_no" | "type_id" | "details">[],
  parties: readonly Pick<
    PartyRow,
    "part_no" | "role" | "person_key" | "name" | "share" | "acts_for" | "heir_order"
  >[],
) {
  return {
    format: "yulin.case.v1",
    caseId: c.id,
    kind: c.kind,
    typeId: c.type_id,
    unitCode: c.unit_code,
    registeringOffice: c.jurisdiction,
    parts: parts.map((part) => ({
      partNo: part.part_no,
      typeId: part.type_id,
      details: Object.fromEntries(Object.entries(part.details).filter(([k]) => !UNSIGNED_DETAILS.has(k))),
      parties: parties
        .filter((p) => p.part_no === part.part_no)
        .map((p) => ({
          role: p.role,
          personKey: p.person_key,
          name: p.name,
          share: p.share,
          actsFor: p.acts_for,
          heirOrder: p.heir_order,
        }))
        .sort((a, b) => `${a.role}:${a.personKey}`.localeCompare(`${b.role}:${b.personKey}`)),
    })),
  };
}

export const contentText = (content: ReturnType<typeof caseContent>): string => canonicalJson(content);

export const contentDigest = (content: ReturnType<typeof caseContent>): string =>
  sm3Hex(contentText(content));
