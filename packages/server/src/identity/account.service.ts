import {
  type AccountKind,
  can,
  maskPhone,
  maskResidentId,
  parseCreditCode,
  parseResidentId,
  type StaffRole,
} from "@yulin/domain";
import type { z } from "zod";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  type AccountProfile,
  findAccountById,
  findAccountByUsername,
  insertAccount,
  insertStaffRoles,
  listStaffOfJurisdiction,
  loadProfile,
} from "./account.repository";
import type { ZAccount } from "./identity.schemas";
import { officeExists } from "./office.repository";
import { hashPassword, isStrongEnough } from "./passwords";

export type NewAccount = {
  username: string;
  kind: AccountKind;
  displayName: string;
  password: string;
  institutionId?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  creditCode?: string | null;
  roles?: ReadonlyArray<{ role: StaffRole; jurisdiction: string }>;
  /** How a self-registered account proved who it is (sign-up); absent when an operator makes it. */
  verifiedBy?: "real-name" | "real-name+face";
  /** A company's agent (经办人): the company account it acts for. */
  actsFor?: string;
};

/** What clients see of an account: personal numbers masked (ARCHITECTURE.md, identity). */
export type AccountView = z.infer<typeof ZAccount>;

export function presentAccount(p: AccountProfile): AccountView {
  return {
    id: p.id,
    username: p.username,
    kind: p.kind,
    displayName: p.display_name,
    institutionKind: p.institutionKind,
    institutionName: p.institutionName,
    roles: p.roles,
    idNumberMasked: p.id_number_masked,
    phoneMasked: p.phone_masked,
  };
}

export type AccountDeps = { db: Database; pii: PiiCipher };

export function createAccountService({ db, pii }: AccountDeps) {
  /** Validates and stores a new account. Trusted callers only (CLI, demo seed, checked routes). */
  async function insertNewAccount(tx: Tx, input: NewAccount) {
    if (!isStrongEnough(input.password)) throw new AppError("ACCOUNT.WEAK_PASSWORD");
    if (await findAccountByUsername(tx, input.username)) throw new AppError("ACCOUNT.USERNAME_TAKEN");
    let idNumber: { enc: string; hash: string; masked: string } | null = null;
    if (input.idNumber) {
      const parsed = parseResidentId(input.idNumber);
      if (!parsed.ok) throw new AppError("ACCOUNT.INVALID_ID_NUMBER", { findings: parsed.error });
      const value = parsed.value.id;
      idNumber = { enc: pii.encrypt(value), hash: pii.lookupHash(value), masked: maskResidentId(value) };
    }
    if (input.creditCode && !parseCreditCode(input.creditCode).ok) {
      throw new AppError("ACCOUNT.INVALID_CREDIT_CODE");
    }
    const phone = input.phone?.replace(/\s+/g, "") || null;
    const row = await insertAccount(tx, {
      username: input.username,
      kind: input.kind,
      display_name: input.displayName,
      institution_id: input.institutionId ?? null,
      id_number_enc: idNumber?.enc ?? null,
      id_number_hash: idNumber?.hash ?? null,
      id_number_masked: idNumber?.masked ?? null,
      phone_enc: phone ? pii.encrypt(phone) : null,
      phone_hash: phone ? pii.lookupHash(phone) : null,
      phone_masked: phone ? maskPhone(phone) : null,
      credit_code: input.creditCode ?? null,
      password_hash: await hashPassword(input.password),
      verified_by: input.verifiedBy ?? null,
      acts_for: input.actsFor ?? null,
    });
    await insertStaffRoles(tx, row.id, input.roles ?? []);
    return row;
  }

  /** `yulin user add` and the demo seed: the operator on the machine is trusted. */
  async function addAccount(ctx: RequestContext, input: NewAccount): Promise<AccountView> {
    return inTransaction(db, async (tx) => {
      const row = await insertNewAccount(tx, input);
      await writeAudit(tx, ctx, {
        action: "account.create",
        outcome: "success",
        targetType: "account",
        targetId: row.id,
      });
      return presentAccount(await loadProfile(tx, row));
    });
  }

  /** An office administrator adds staff to their own office (管理员, office.manage-staff). */
  async function addStaffToOffice(
    ctx: RequestContext,
    office: string,
    input: Omit<NewAccount, "kind" | "roles" | "institutionId" | "creditCode"> & { roles: StaffRole[] },
  ): Promise<AccountView> {
    await authorize(ctx, "office.manage-staff", office);
    return inTransaction(db, async (tx) => {
      if (!(await officeExists(tx, office))) throw new AppError("OFFICE.UNKNOWN");
      const row = await insertNewAccount(tx, {
        ...input,
        kind: "staff",
        roles: input.roles.map((role) => ({ role, jurisdiction: office })),
      });
      await writeAudit(tx, ctx, {
        action: "office.staff.create",
        outcome: "success",
        targetType: "account",
        targetId: row.id,
        jurisdiction: office,
      });
      return presentAccount(await loadProfile(tx, row));
    });
  }

  async function listOfficeStaff(ctx: RequestContext, office: string) {
    await authorize(ctx, "office.read-staff", office);
    const rows = await listStaffOfJurisdiction(db, office);
    await writeAudit(db, ctx, {
      action: "office.staff.list",
      outcome: "success",
      targetType: "office",
      targetId: office,
      jurisdiction: office,
    });
    return rows;
  }

  /** One's own account, masked; reading it is audited like any read of personal data. */
  async function readOwnAccount(ctx: RequestContext, profile: AccountProfile): Promise<AccountView> {
    await writeAudit(db, ctx, {
      action: "account.read",
      outcome: "success",
      targetType: "account",
      targetId: profile.id,
    });
    return presentAccount(profile);
  }

  /** The full numbers, for the holder or an administrator, with a stated purpose (audited). */
  async function revealPersonalData(ctx: RequestContext, accountId: string, purpose: string) {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const account = await findAccountById(db, accountId);
    const profile = account ? await loadProfile(db, account) : undefined;
    const allowed =
      profile !== undefined &&
      (actor.accountId === profile.id ||
        (profile.roles.length > 0 &&
          profile.roles.every((r) => can(actor, "account.reveal-pii", { jurisdiction: r.jurisdiction }))));
    if (!profile || !allowed) {
      await writeAudit(db, ctx, {
        action: "account.reveal-pii",
        outcome: "denied",
        targetType: "account",
        targetId: accountId,
        purpose,
      });
      throw new AppError("AUTH.FORBIDDEN");
    }
    await writeAudit(db, ctx, {
      action: "account.reveal-pii",
      outcome: "success",
      targetType: "account",
      targetId: accountId,
      purpose,
    });
    return {
      idNumber: profile.id_number_enc ? pii.decrypt(profile.id_number_enc) : null,
      phone: profile.phone_enc ? pii.decrypt(profile.phone_enc) : null,
    };
  }

  /** Denials are audited too: a refused attempt on another office is a signal for supervisors. */
  async function authorize(
    ctx: RequestContext,
    action: "office.manage-staff" | "office.read-staff",
    office: string,
  ) {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    if (!can(ctx.actor, action, { jurisdiction: office })) {
      await writeAudit(db, ctx, {
        action,
        outcome: "denied",
        targetType: "office",
        targetId: office,
        jurisdiction: office,
      });
      throw new AppError("AUTH.FORBIDDEN");
    }
  }

  return {
    addAccount,
    addStaffToOffice,
    listOfficeStaff,
    readOwnAccount,
    revealPersonalData,
    insertNewAccount,
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
