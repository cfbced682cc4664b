import {
  normaliseAddress,
  parseCertificateNumber,
  parseCreditCode,
  parseResidentId,
  parseUnitCode,
  type QuerySubjectKind,
} from "@yulin/domain";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { AppError } from "../platform/errors";
import type { QueryRegisterPort } from "./register.port";

/**
 * The subject resolved: the unit codes the query is about (none found means "not registered"), or,
 * for a holdings query, the person's lookup hash. Malformed input is a 400 before anything is read.
 */
export type ResolvedSubject = { text: string; unitCodes: string[]; personHash: string | null };

export async function resolveSubject(
  register: QueryRegisterPort,
  pii: PiiCipher,
  subject: { kind: QuerySubjectKind; value: string },
  ownHash: string | null,
): Promise<ResolvedSubject> {
  const value = subject.value.trim();
  switch (subject.kind) {
    case "unit": {
      const parsed = parseUnitCode(value);
      if (!parsed.ok) throw new AppError("REGISTER.INVALID_CODE", { findings: parsed.error });
      const code = parsed.value.code;
      return { text: code, unitCodes: (await register.unitBook(code)) ? [code] : [], personHash: null };
    }
    case "certificate": {
      const parsed = parseCertificateNumber(value);
      if (!parsed.ok) throw new AppError("REGISTER.INVALID_CERTIFICATE_NUMBER", { findings: parsed.error });
      const code = await register.unitOfCertificate(parsed.value.number);
      return { text: parsed.value.number, unitCodes: code ? [code] : [], personHash: null };
    }
    case "address": {
      const normalised = normaliseAddress(value);
      if (Array.from(normalised).length < 2) throw new AppError("QUERY.ADDRESS_TOO_SHORT");
      const units = (await register.unitsByAddress(value, 20)).filter((u) =>
        normaliseAddress(u.address).includes(normalised),
      );
      const exact = units.filter((u) => normaliseAddress(u.address) === normalised);
      const chosen = exact.length === 1 ? exact : units;
      if (chosen.length > 1) throw new AppError("QUERY.ADDRESS_AMBIGUOUS", { matches: chosen.length });
      return { text: value, unitCodes: chosen.map((u) => u.unitCode), personHash: null };
    }
    case "person": {
      // "本人" (or empty) is the caller's own property; otherwise an ID number or credit code.
      if (value === "" || value === "本人" || value === "self") {
        if (!ownHash) throw new AppError("ACCOUNT.INVALID_ID_NUMBER");
        return { text: "本人", unitCodes: await register.unitsHeldBy(ownHash), personHash: ownHash };
      }
      const resident = parseResidentId(value);
      const credit = resident.ok ? undefined : parseCreditCode(value);
      const normalised = resident.ok ? resident.value.id : credit?.ok ? credit.value.code : undefined;
      if (!normalised) throw new AppError("ACCOUNT.INVALID_ID_NUMBER");
      const hash = pii.lookupHash(normalised);
      // The log keeps the person as a key, never the number.
      return {
        text: `person:${hash.slice(0, 16)}`,
        unitCodes: await register.unitsHeldBy(hash),
        personHash: hash,
      };
    }
  }
}
