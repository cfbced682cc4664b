import { isMobilePhone } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { findAccountByUsername, setPasswordHash } from "./account.repository";
import { hashPassword, isStrongEnough } from "./passwords";
import { deleteSessionsOf } from "./session.repository";
import type { CodeSent, SignUpService } from "./sign-up.service";
import { consumeChallenge } from "./sms-challenge.repository";

/**
 * 找回密码: a code to the phone the account registered resets the password and ends every session.
 * The first step answers the same whether or not the username and phone match, so it tells a
 * stranger nothing about who has an account.
 */
export function createAccountRecoveryService(deps: {
  db: Database;
  pii: PiiCipher;
  signUp: SignUpService;
  now: () => Date;
}) {
  const { db, pii, signUp, now } = deps;

  async function startReset(
    ctx: RequestContext,
    input: { username: string; phone: string },
  ): Promise<CodeSent> {
    const phone = input.phone.replace(/[\s-]/g, "");
    if (!isMobilePhone(phone)) throw new AppError("SIGNUP.INVALID_APPLICANT");
    const account = await findAccountByUsername(db, input.username);
    const known = account !== undefined && !account.disabled && account.phone_hash === pii.lookupHash(phone);
    // For an unknown pair the code is never sent, and nobody can redeem it; the answers are alike.
    const sent = await signUp.sendCode("password-reset", phone, {
      ...(known ? { accountId: account.id } : {}),
      deliver: known,
    });
    await signUp.audit(ctx, "password-reset.code-sent", known ? "success" : "denied", {
      challengeId: sent.challengeId,
    });
    return sent;
  }

  async function completeReset(
    ctx: RequestContext,
    input: { challengeId: string; code: string; newPassword: string },
  ): Promise<void> {
    if (!isStrongEnough(input.newPassword)) throw new AppError("ACCOUNT.WEAK_PASSWORD");
    const passwordHash = await hashPassword(input.newPassword);
    await signUp.redeem("password-reset", input.challengeId, input.code, async (tx, challenge) => {
      const accountId = challenge.account_id;
      if (!accountId) throw new AppError("SIGNUP.CODE_EXPIRED");
      await setPasswordHash(tx, accountId, passwordHash);
      await deleteSessionsOf(tx, accountId);
      await consumeChallenge(tx, challenge.id, now());
      await writeAudit(tx, ctx, {
        action: "password-reset",
        outcome: "success",
        targetType: "account",
        targetId: accountId,
        actorId: accountId,
      });
    });
  }

  return { startReset, completeReset };
}

export type AccountRecoveryService = ReturnType<typeof createAccountRecoveryService>;
