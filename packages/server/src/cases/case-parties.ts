import { maskResidentId, PARTY_ROLES, type PartyRole, parseCreditCode, parseResidentId } from "@yulin/domain";
import {
  findAccountIdByCreditCode,
  findCitizenIdByIdHash,
  findPartyAccount,
} from "../identity/account.repository";
import { findInstitution, findInstitutionByCreditCode } from "../identity/institution.repository";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database, Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import type { TPartyInput } from "./case.schemas";

type Db = Database | Tx;

/**
 * A person or organisation as a case names it. `personKey` is the keyed SM3 of the normalised ID
 * number or credit code: the key the register uses for holders, so the rules compare them directly.
 */
export type PartyIdentity = {
  personKey: string;
  name: string;
  /** 权利人类型: 1 个人, 2 企业, 3 事业单位, 4 国家机关. */
  holderType: string;
  /** 证件种类: 1 身份证, 8 统一社会信用代码. */
  idType: string;
  idNumberEnc: string;
  idNumberMasked: string;
  accountId: string | null;
  institutionId: string | null;
  institutionKind: string | null;
};

/** A party as the application names it: by account, or by name and ID number. */
export type PartyInput = TPartyInput;

const HOLDER_TYPE_OF_INSTITUTION: Record<string, string> = {
  court: "4",
  tax: "4",
  housing: "4",
  notary: "3",
};

async function identityOfAccountRow(
  db: Db,
  pii: PiiCipher,
  account: {
    id: string;
    kind: string;
    display_name: string;
    id_number_enc: string | null;
    id_number_hash: string | null;
    id_number_masked: string | null;
    credit_code: string | null;
    institution_id: string | null;
  },
): Promise<PartyIdentity> {
  const base = { accountId: account.id, institutionId: null, institutionKind: null };
  if (account.kind === "citizen") {
    if (!account.id_number_enc || !account.id_number_hash) throw new AppError("CASE.NO_IDENTITY");
    return {
      ...base,
      personKey: account.id_number_hash,
      name: account.display_name,
      holderType: "1",
      idType: "1",
      idNumberEnc: account.id_number_enc,
      idNumberMasked: account.id_number_masked ?? maskResidentId(pii.decrypt(account.id_number_enc)),
    };
  }
  if (account.kind === "company") {
    if (!account.credit_code) throw new AppError("CASE.NO_IDENTITY");
    return {
      ...base,
      personKey: pii.lookupHash(account.credit_code),
      name: account.display_name,
      holderType: "2",
      idType: "8",
      idNumberEnc: pii.encrypt(account.credit_code),
      idNumberMasked: account.credit_code,
    };
  }
  if (account.kind === "institution" && account.institution_id) {
    const inst = await findInstitution(db, account.institution_id);
    if (!inst) throw new Error(`account ${account.id}: institution ${account.institution_id} is missing`);
    if (!inst.credit_code) throw new AppError("CASE.NO_IDENTITY");
    return {
      accountId: account.id,
      institutionId: inst.id,
      institutionKind: inst.kind,
      personKey: pii.lookupHash(inst.credit_code),
      name: inst.name,
      holderType: HOLDER_TYPE_OF_INSTITUTION[inst.kind] ?? "2",
      idType: "8",
      idNumberEnc: pii.encrypt(inst.credit_code),
      idNumberMasked: inst.credit_code,
    };
  }
  throw new AppError("CASE.NO_IDENTITY");
}

export async function identityOfAccount(db: Db, pii: PiiCipher, accountId: string): Promise<PartyIdentity> {
  const account = await findPartyAccount(db, { id: accountId });
  if (!account) throw new AppError("CASE.NO_IDENTITY");
  return identityOfAccountRow(db, pii, account);
}

async function identityOfUsername(db: Db, pii: PiiCipher, username: string): Promise<PartyIdentity> {
  const account = await findPartyAccount(db, { username });
  if (!account) throw new AppError("CASE.INVALID", { reason: `unknown account ${username}` });
  return identityOfAccountRow(db, pii, account);
}

/** An identity from an ID number or credit code; linked to the platform account that has it, if any. */
async function identityOfNumber(
  db: Db,
  pii: PiiCipher,
  input: { name: string; idType: "1" | "8"; idNumber: string },
): Promise<PartyIdentity> {
  if (input.idType === "1") {
    const parsed = parseResidentId(input.idNumber);
    if (!parsed.ok) throw new AppError("ACCOUNT.INVALID_ID_NUMBER", { findings: parsed.error });
    const id = parsed.value.id;
    const personKey = pii.lookupHash(id);
    const accountId = await findCitizenIdByIdHash(db, personKey);
    return {
      personKey,
      name: input.name,
      holderType: "1",
      idType: "1",
      idNumberEnc: pii.encrypt(id),
      idNumberMasked: maskResidentId(id),
      accountId: accountId ?? null,
      institutionId: null,
      institutionKind: null,
    };
  }
  const parsed = parseCreditCode(input.idNumber);
  if (!parsed.ok) throw new AppError("ACCOUNT.INVALID_CREDIT_CODE", { findings: parsed.error });
  const code = parsed.value.code;
  const institution = await findInstitutionByCreditCode(db, code);
  const companyId = institution ? undefined : await findAccountIdByCreditCode(db, code);
  return {
    personKey: pii.lookupHash(code),
    name: input.name,
    holderType: institution ? (HOLDER_TYPE_OF_INSTITUTION[institution.kind] ?? "2") : "2",
    idType: "8",
    idNumberEnc: pii.encrypt(code),
    idNumberMasked: code,
    accountId: companyId ?? null,
    institutionId: institution?.id ?? null,
    institutionKind: institution?.kind ?? null,
  };
}

export async function resolveIdentity(
  db: Db,
  pii: PiiCipher,
  input: { account?: string; name?: string; idType?: "1" | "8"; idNumber?: string },
): Promise<PartyIdentity> {
  if (input.account) return identityOfUsername(db, pii, input.account);
  if (!input.name || !input.idNumber)
    throw new AppError("CASE.INVALID", { reason: "a party needs an account or a name and an ID number" });
  return identityOfNumber(db, pii, {
    name: input.name,
    idType: input.idType ?? "1",
    idNumber: input.idNumber,
  });
}

export const isPartyRole = (role: string): role is PartyRole =>
  (PARTY_ROLES as readonly string[]).includes(role);

/** The person keys an account answers for: its own, and its institution's. */
export async function personKeysOfAccount(
  db: Db,
  pii: PiiCipher,
  accountId: string,
): Promise<PartyIdentity | undefined> {
  try {
    return await identityOfAccount(db, pii, accountId);
  } catch {
    return undefined;
  }
}
