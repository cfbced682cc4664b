import crypto from "node:crypto";
import {
  attemptsLeft,
  checkSignUpApplicant,
  type Finding,
  judgeCode,
  maskPhone,
  namesMatch,
  SIGN_UP_POLICY,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { findCitizenIdByIdHash, loadProfile } from "./account.repository";
import { type AccountService, type AccountView, presentAccount } from "./account.service";
import type { SignUpPorts } from "./sign-up.ports";
import {
  consumeChallenge,
  countWrongCode,
  findChallenge,
  insertChallenge,
  lastChallengeTo,
  lockChallenge,
} from "./sms-challenge.repository";

type Purpose = "sign-up" | "password-reset";
type Pending = { name: string; idNumber: string; phone: string };
export type CodeSent = { challengeId: string; phoneMasked: string; expiresAt: string };

export type SignUpDeps = {
  db: Database;
  pii: PiiCipher;
  accounts: AccountService;
  ports: SignUpPorts;
  now: () => Date;
  /** Today in Beijing time, for the age rule (the domain has no clock). */
  today?: () => string;
};

/**
 * 注册: a citizen proves who they are (real-name check of name + ID, a code sent to their phone,
 * optionally their face) and opens an account. Every step is audited; a refused step changes
 * nothing but the attempt counter.
 */
export function createSignUpService(deps: SignUpDeps) {
  const { db, pii, ports, now } = deps;
  // China has one time zone, UTC+8 all year.
  const today = deps.today ?? (() => new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
  const codeHash = (challengeId: string, code: string) => pii.lookupHash(`sms-code:${challengeId}:${code}`);

  /** Sends a new code unless one went to this phone less than a minute ago. */
  async function sendCode(
    purpose: Purpose,
    phone: string,
    extra: { pending?: Pending; accountId?: string; deliver?: boolean },
  ): Promise<CodeSent> {
    const phoneHash = pii.lookupHash(phone);
    const last = await lastChallengeTo(db, phoneHash, purpose);
    if (
      last &&
      now().getTime() - new Date(last.created_at).getTime() < SIGN_UP_POLICY.resendAfterSeconds * 1000
    ) {
      throw new AppError("SIGNUP.CODE_TOO_SOON");
    }
    const id = crypto.randomUUID();
    const code = crypto
      .randomInt(0, 10 ** SIGN_UP_POLICY.codeDigits)
      .toString()
      .padStart(SIGN_UP_POLICY.codeDigits, "0");
    // An undelivered challenge stands in for a refused one: it answers exactly like a real one.
    if (extra.deliver !== false) {
      try {
        await ports.sendSms({ phone, template: `${purpose}-code`, params: { code }, ref: id });
      } catch {
        throw new AppError("SIGNUP.SMS_UNAVAILABLE");
      }
    }
    const row = await insertChallenge(db, {
      id,
      purpose,
      phone_hash: phoneHash,
      code_hash: codeHash(id, code),
      pending_sealed: extra.pending ? pii.encrypt(JSON.stringify(extra.pending)) : null,
      account_id: extra.accountId ?? null,
      expires_at: new Date(now().getTime() + SIGN_UP_POLICY.codeTtlSeconds * 1000),
    });
    return {
      challengeId: id,
      phoneMasked: maskPhone(phone),
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  /**
   * Judges a code inside the transaction that acts on it. A wrong code is counted on its own
   * connection so the count survives the refusal; the fifth burns the challenge.
   */
  async function redeem<T>(
    purpose: Purpose,
    challengeId: string,
    code: string,
    act: (tx: Tx, challenge: NonNullable<Awaited<ReturnType<typeof lockChallenge>>>) => Promise<T>,
  ): Promise<T> {
    let wrong: { left: number } | null = null;
    const result = await inTransaction(db, async (tx) => {
      const challenge = await lockChallenge(tx, challengeId, purpose);
      if (!challenge) throw new AppError("SIGNUP.CODE_EXPIRED");
      const matches = crypto.timingSafeEqual(
        Buffer.from(challenge.code_hash),
        Buffer.from(codeHash(challenge.id, code)),
      );
      const verdict = judgeCode(
        {
          attempts: challenge.attempts,
          expiresAt: new Date(challenge.expires_at),
          consumed: challenge.consumed_at !== null,
        },
        matches,
        now(),
      );
      // A wrong code on a live challenge is one try, counted after this transaction rolls back.
      const isTry =
        !matches &&
        (verdict === "wrong" || verdict === "exhausted") &&
        challenge.attempts < SIGN_UP_POLICY.maxCodeAttempts;
      if (isTry) {
        wrong = { left: attemptsLeft(challenge.attempts + 1) };
        return null;
      }
      if (verdict === "exhausted") throw new AppError("SIGNUP.CODE_EXHAUSTED");
      if (verdict !== "accepted") throw new AppError("SIGNUP.CODE_EXPIRED");
      return { value: await act(tx, challenge) };
    });
    if (result) return result.value;
    await countWrongCode(db, challengeId);
    const left = (wrong as { left: number } | null)?.left ?? 0;
    throw new AppError(left > 0 ? "SIGNUP.WRONG_CODE" : "SIGNUP.CODE_EXHAUSTED", { attemptsLeft: left });
  }

  /** Step 1: checks the person (format, age, real name, not yet registered) and texts a code. */
  async function startCitizen(
    ctx: RequestContext,
    input: { name: string; idNumber: string; phone: string },
  ): Promise<CodeSent> {
    const checked = checkSignUpApplicant(input, today());
    if (!checked.ok) return refuse(ctx, "sign-up.check", checked.error);
    const person = checked.value;
    if (await findCitizenIdByIdHash(db, pii.lookupHash(person.idNumber))) {
      await audit(ctx, "sign-up.check", "denied", { reason: "already-registered" });
      throw new AppError("SIGNUP.ALREADY_REGISTERED");
    }
    const onRecord = await ports.nameOnRecord(person.idNumber, crypto.randomUUID());
    if (onRecord === null || !namesMatch(person.name, onRecord)) {
      await audit(ctx, "sign-up.real-name", "denied", { idNumberHash: pii.lookupHash(person.idNumber) });
      throw new AppError("SIGNUP.NAME_MISMATCH");
    }
    const sent = await sendCode("sign-up", person.phone, {
      pending: { name: person.name, idNumber: person.idNumber, phone: person.phone },
    });
    await audit(ctx, "sign-up.code-sent", "success", { challengeId: sent.challengeId });
    return sent;
  }

  /** Step 2: the code (and the optional face photo) opens the account. */
  async function completeCitizen(
    ctx: RequestContext,
    input: { challengeId: string; code: string; username: string; password: string; faceImage?: Buffer },
  ): Promise<AccountView> {
    const faceChecked = input.faceImage
      ? await checkFace(ctx, input.challengeId, input.code, input.faceImage)
      : false;
    return redeem("sign-up", input.challengeId, input.code, async (tx, challenge) => {
      const pending = JSON.parse(pii.decrypt(challenge.pending_sealed ?? "")) as Pending;
      // Check at commit: two sign-ups of one person racing each other make one account.
      if (await findCitizenIdByIdHash(tx, pii.lookupHash(pending.idNumber))) {
        throw new AppError("SIGNUP.ALREADY_REGISTERED");
      }
      const row = await deps.accounts.insertNewAccount(tx, {
        username: input.username,
        kind: "citizen",
        displayName: pending.name,
        password: input.password,
        idNumber: pending.idNumber,
        phone: pending.phone,
        verifiedBy: faceChecked ? "real-name+face" : "real-name",
      });
      await consumeChallenge(tx, challenge.id, now(), row.id);
      await writeAudit(tx, ctx, {
        action: "sign-up.citizen",
        outcome: "success",
        targetType: "account",
        targetId: row.id,
        actorId: row.id,
        details: { verifiedBy: row.verified_by },
      });
      return presentAccount(await loadProfile(tx, row));
    });
  }

  /**
   * 人脸核验, before the transaction (a department call holds no lock): only with the right code,
   * and a refused face counts as a wrong try, so faces cannot be probed without limit.
   */
  async function checkFace(
    ctx: RequestContext,
    challengeId: string,
    code: string,
    image: Buffer,
  ): Promise<boolean> {
    const challenge = await findChallenge(db, challengeId, "sign-up");
    if (!challenge?.pending_sealed || challenge.code_hash !== codeHash(challenge.id, code)) return false;
    const pending = JSON.parse(pii.decrypt(challenge.pending_sealed)) as Pending;
    if (await ports.faceMatches(pending.idNumber, image, challenge.id)) return true;
    await countWrongCode(db, challenge.id);
    await audit(ctx, "sign-up.face", "denied", { challengeId });
    throw new AppError("SIGNUP.FACE_MISMATCH");
  }

  async function refuse(ctx: RequestContext, action: string, findings: Finding[]): Promise<never> {
    await audit(ctx, action, "denied", { findings: findings.map((f) => f.code) });
    const minor = findings.length === 1 && findings[0]!.code === "SIGNUP.MINOR";
    throw new AppError(minor ? "SIGNUP.MINOR" : "SIGNUP.INVALID_APPLICANT", { findings });
  }

  async function audit(
    ctx: RequestContext,
    action: string,
    outcome: "success" | "denied",
    details: Record<string, unknown>,
  ) {
    await writeAudit(db, ctx, { action, outcome, targetType: "sign-up", details });
  }

  return { startCitizen, completeCitizen, sendCode, redeem, audit };
}

export type SignUpService = ReturnType<typeof createSignUpService>;
