import crypto from "node:crypto";
import { checkSignUpApplicant, namesMatch, parseCreditCode } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { findAccountById, findAccountIdByCreditCode, listAgentsOf, loadProfile } from "./account.repository";
import { type AccountService, type AccountView, presentAccount } from "./account.service";
import type { SignUpPorts } from "./sign-up.ports";

/**
 * 企业注册: the legal representative, signed in with their own verified account, opens the company's
 * account from its business licence; the company then adds its agents (经办人), each a real-name
 * checked person who acts for the company.
 */
export function createCompanySignUpService(deps: {
  db: Database;
  pii: PiiCipher;
  accounts: AccountService;
  ports: SignUpPorts;
  today: () => string;
}) {
  const { db, pii, ports } = deps;

  async function signUpCompany(
    ctx: RequestContext,
    input: { creditCode: string; username: string; password: string },
  ): Promise<AccountView> {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const self =
      actor.kind === "citizen" && !actor.operatorId ? await findAccountById(db, actor.accountId) : undefined;
    if (!self?.id_number_enc) throw new AppError("SIGNUP.NOT_LEGAL_REPRESENTATIVE");
    const code = parseCreditCode(input.creditCode.trim().toUpperCase());
    if (!code.ok) throw new AppError("ACCOUNT.INVALID_CREDIT_CODE", { findings: code.error });
    const creditCode = code.value.code;
    if (await findAccountIdByCreditCode(db, creditCode)) throw new AppError("SIGNUP.COMPANY_REGISTERED");
    const licence = await ports.businessLicence(creditCode, crypto.randomUUID());
    if (!licence) throw new AppError("SIGNUP.COMPANY_UNKNOWN");
    if (licence.legalRepresentativeIdNumber !== pii.decrypt(self.id_number_enc)) {
      await writeAudit(db, ctx, {
        action: "sign-up.company",
        outcome: "denied",
        targetType: "company",
        targetId: creditCode,
      });
      throw new AppError("SIGNUP.NOT_LEGAL_REPRESENTATIVE");
    }
    return inTransaction(db, async (tx) => {
      if (await findAccountIdByCreditCode(tx, creditCode)) throw new AppError("SIGNUP.COMPANY_REGISTERED");
      const row = await deps.accounts.insertNewAccount(tx, {
        username: input.username,
        kind: "company",
        displayName: licence.name,
        password: input.password,
        creditCode,
        verifiedBy: "real-name",
      });
      await writeAudit(tx, ctx, {
        action: "sign-up.company",
        outcome: "success",
        targetType: "account",
        targetId: row.id,
        details: { creditCode, legalRepresentative: actor.accountId },
      });
      return presentAccount(await loadProfile(tx, row));
    });
  }

  /** The company account adds an agent: a real-name checked adult who then acts for it. */
  async function addAgent(
    ctx: RequestContext,
    input: { name: string; idNumber: string; phone: string; username: string; password: string },
  ): Promise<AccountView> {
    const company = await ownCompany(ctx);
    const checked = checkSignUpApplicant(input, deps.today());
    if (!checked.ok) {
      const minor = checked.error.some((f) => f.code === "SIGNUP.MINOR");
      throw new AppError(minor ? "SIGNUP.MINOR" : "SIGNUP.INVALID_APPLICANT", { findings: checked.error });
    }
    const onRecord = await ports.nameOnRecord(checked.value.idNumber, crypto.randomUUID());
    if (onRecord === null || !namesMatch(checked.value.name, onRecord))
      throw new AppError("SIGNUP.NAME_MISMATCH");
    return inTransaction(db, async (tx) => {
      const row = await deps.accounts.insertNewAccount(tx, {
        username: input.username,
        kind: "company",
        displayName: checked.value.name,
        password: input.password,
        idNumber: checked.value.idNumber,
        phone: checked.value.phone,
        verifiedBy: "real-name",
        actsFor: company.id,
      });
      await writeAudit(tx, ctx, {
        action: "company.agent.create",
        outcome: "success",
        targetType: "account",
        targetId: row.id,
      });
      return presentAccount(await loadProfile(tx, row));
    });
  }

  async function listAgents(ctx: RequestContext) {
    const company = await ownCompany(ctx);
    return (await listAgentsOf(db, company.id)).map((a) => ({
      id: a.id,
      username: a.username,
      displayName: a.display_name,
      idNumberMasked: a.id_number_masked,
      disabled: a.disabled,
    }));
  }

  /** Only the company account itself manages its agents (an agent cannot add another). */
  async function ownCompany(ctx: RequestContext) {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const company =
      actor.kind === "company" && !actor.operatorId ? await findAccountById(db, actor.accountId) : undefined;
    if (!company) throw new AppError("AUTH.FORBIDDEN");
    return company;
  }

  return { signUpCompany, addAgent, listAgents };
}

export type CompanySignUpService = ReturnType<typeof createCompanySignUpService>;
