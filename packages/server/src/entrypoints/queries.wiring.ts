import { addressGrams, describeEntry } from "@yulin/domain";
import { findCertificate } from "../certificates/certificate.repository";
import { findAccountById } from "../identity/account.repository";
import { findInstitution } from "../identity/institution.repository";
import { findOfficeName } from "../identity/office.repository";
import type { Database } from "../platform/db/database";
import type { QueryIdentityPort, QueryRegisterPort } from "../queries/register.port";
import {
  findHoldingsByIdHash,
  findRightByCertificateNo,
  findUnitBook,
  listTimelineEntries,
  searchUnitsByAddress,
} from "../register/register.repository";

/** The query capability's ports onto the register, certificates and identity (composition root). */
export function queryPorts(db: Database): { register: QueryRegisterPort; identity: QueryIdentityPort } {
  return {
    register: {
      unitBook: async (code) => {
        const book = await findUnitBook(db, code);
        return book ? { unit: book.unit, rights: book.rights, encumbrances: book.encumbrances } : undefined;
      },
      timeline: async (unit) =>
        (await listTimelineEntries(db, unit)).map((e) => ({
          seq: Number(e.seq),
          at: new Date(e.recorded_at).toISOString(),
          title: describeEntry({ body: e.body as never }).title_zh,
        })),
      unitOfCertificate: async (number) =>
        (await findCertificate(db, { number }))?.unit_code ??
        (await findRightByCertificateNo(db, number))?.unit_code,
      unitsByAddress: (text, limit) => searchUnitsByAddress(db, addressGrams(text), [""], limit),
      unitsHeldBy: async (hash) => [
        ...new Set(
          (await findHoldingsByIdHash(db, hash))
            .filter((h) => h.status === "current")
            .map((h) => h.unit_code),
        ),
      ],
    },
    identity: {
      describe: async (accountId) => {
        const account = await findAccountById(db, accountId);
        if (!account) return undefined;
        const institution = account.institution_id
          ? await findInstitution(db, account.institution_id)
          : undefined;
        return {
          displayName: account.display_name,
          kind: account.kind,
          idNumberHash: account.id_number_hash,
          creditCode: account.credit_code,
          institutionName: institution?.name ?? null,
          institutionCreditCode: institution?.credit_code ?? null,
        };
      },
      officeName: (code) => findOfficeName(db, code),
    },
  };
}
