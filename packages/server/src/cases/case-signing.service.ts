import type { z } from "zod";
import { sm3Hex } from "../integrations/shared/sm2";
import type { RequestContext } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database, Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { holdsEncumbrance } from "../register/register.repository";
import { canReadCase, isCounterStaff } from "./case.access";
import { insertSignature, linkPartyAccount, updatePart } from "./case.repository";
import type { ZConsentRequest } from "./case.schemas";
import type { CaseBundle } from "./case-bundle";
import { chinaDateOf } from "./case-clock";
import { caseContent, contentText } from "./case-content";
import type { PartDetails } from "./case-drafts";
import { withLockedCase } from "./case-lock";
import { identityOfAccount } from "./case-parties";
import { accountKeyPair, signContent } from "./party-keys";

export type ConsentInput = z.infer<typeof ZConsentRequest>;

/** Stages after which nothing can be consented to any more. */
const ENDED = ["registered", "certified", "issued", "archived", "refused", "withdrawn", "not-accepted"];

/**
 * What the parties put their names to: confirmations (SM2 e-signatures, or witnessed at the
 * counter), written consents and risk statements.
 */
export function createCaseSigningService(deps: { db: Database; pii: PiiCipher; now: () => Date }) {
  const { db, pii, now } = deps;

  const mayRead = (actor: Parameters<typeof canReadCase>[0], locked: CaseBundle) =>
    canReadCase(actor, locked.row, locked.parties) && actor;

  /** The case's canonical content signed with the account's SM2 key. */
  async function signAs(tx: Tx, locked: CaseBundle, accountId: string) {
    const text = contentText(caseContent(locked.row, locked.parts, locked.parties));
    const pair = await accountKeyPair(tx, pii, accountId);
    return { content_sm3: sm3Hex(text), public_key: pair.publicKey, signature: signContent(text, pair) };
  }

  async function holdsRestriction(tx: Tx, unitCode: string, refId: string, personKey: string) {
    const seq = Number(refId);
    if (!Number.isSafeInteger(seq)) return false;
    return holdsEncumbrance(tx, unitCode, seq, personKey);
  }

  /** Adds to every part's details (consents, risk statements) of the locked case. */
  async function appendToParts(tx: Tx, locked: CaseBundle, add: (details: PartDetails) => PartDetails) {
    for (const part of locked.parts) {
      const details = part.details as PartDetails;
      await updatePart(tx, locked.row.id, part.part_no, {
        details: JSON.stringify({ ...details, ...add(details) }),
      });
    }
  }

  return {
    /**
     * 确认并签名: the caller confirms the case as each party it is (or its institution is), signing
     * the canonical content with its account's SM2 key.
     */
    async confirm(ctx: RequestContext, id: string): Promise<{ signedAs: string[]; contentSm3: string }> {
      const { people, ...result } = await withLockedCase(db, ctx, id, {
        action: "case.confirm",
        authorize: mayRead,
        async change(tx, locked, actor) {
          if (!["draft", "correction", "submitted", "accepted", "reviewed"].includes(locked.row.stage))
            throw new AppError("CASE.STAGE", { stage: locked.row.stage });
          const me = await identityOfAccount(tx, pii, actor.accountId).catch(() => undefined);
          const mine = locked.parties.filter(
            (p) =>
              p.account_id === actor.accountId ||
              (me && p.person_key === me.personKey) ||
              (actor.institutionId !== null && p.institution_id === actor.institutionId),
          );
          if (mine.length === 0) throw new AppError("CASE.NOT_A_PARTY");
          const signed = await signAs(tx, locked, actor.accountId);
          const people = [...new Set(mine.map((p) => p.person_key))];
          for (const personKey of people)
            await insertSignature(tx, {
              case_id: id,
              person_key: personKey,
              method: "sm2",
              account_id: actor.accountId,
              ...signed,
            });
          // Link the confirming account to its party rows (R4 reads who confirmed).
          await linkPartyAccount(tx, id, people, actor.accountId);
          return { signedAs: mine.map((p) => p.role), contentSm3: signed.content_sm3, people: people.length };
        },
        audit: (r) => ({ contentSm3: r.contentSm3, parties: r.people }),
      });
      return result;
    },

    /** 窗口见证签名: a party signs on paper at the counter; the acceptor witnesses with their own key. */
    async witness(ctx: RequestContext, id: string, partyId: string) {
      return withLockedCase(db, ctx, id, {
        action: "case.witness",
        authorize: (actor, locked) => isCounterStaff(actor) && mayRead(actor, locked),
        async change(tx, locked, actor) {
          const party = locked.parties.find((p) => p.id === partyId);
          if (!party) throw new AppError("CASE.INVALID", { reason: "no such party" });
          const signed = await signAs(tx, locked, actor.accountId);
          await insertSignature(tx, {
            case_id: id,
            person_key: party.person_key,
            method: "witnessed",
            account_id: actor.accountId,
            ...signed,
          });
          return { contentSm3: signed.content_sm3 };
        },
        audit: ({ contentSm3 }) => ({ partyId, contentSm3 }),
      });
    },

    /**
     * A written consent (R10 advance notice holder, R13 mortgagee, R14 later mortgagee, co-owners):
     * recorded by the consenting party's own account, or by counter staff who saw it on paper.
     */
    async recordConsent(ctx: RequestContext, id: string, input: ConsentInput) {
      await withLockedCase(db, ctx, id, {
        action: "case.consent",
        async authorize(actor, locked, tx) {
          const me = await identityOfAccount(tx, pii, actor.accountId).catch(() => undefined);
          // The holder of the restriction consented to (a notice holder, a mortgagee) may find the
          // case to consent to it even though it is not a party: the register says whose consent counts.
          const holdsIt =
            me && input.refId
              ? await holdsRestriction(tx, locked.row.unit_code, input.refId, me.personKey)
              : false;
          return (
            (canReadCase(actor, locked.row, locked.parties) || holdsIt) && {
              me,
              counter: isCounterStaff(actor),
            }
          );
        },
        async change(tx, locked, { me, counter }) {
          const personKey = counter && input.personKey ? input.personKey : me?.personKey;
          if (!personKey) throw new AppError("CASE.NO_IDENTITY");
          if (ENDED.includes(locked.row.stage)) throw new AppError("CASE.STAGE", { stage: locked.row.stage });
          const consent = {
            kind: input.kind,
            personId: personKey,
            ...(input.refId ? { refId: input.refId } : {}),
          };
          await appendToParts(tx, locked, (d) => ({ consents: [...(d.consents ?? []), consent] }));
          return { counter };
        },
        audit: ({ counter }) => ({ kind: input.kind, refId: input.refId ?? null, counter }),
      });
    },

    /** R12: the applicant signs that they know of the objection and bear the risk (细则 84). */
    async recordRiskStatement(ctx: RequestContext, id: string, objectionId: string) {
      await withLockedCase(db, ctx, id, {
        action: "case.risk-statement",
        authorize: mayRead,
        async change(tx, locked, actor) {
          const me = await identityOfAccount(tx, pii, actor.accountId).catch(() => undefined);
          if (!me || !locked.parties.some((p) => p.person_key === me.personKey))
            throw new AppError("CASE.NOT_A_PARTY");
          const statement = { objectionId, personId: me.personKey, signedOn: chinaDateOf(now()) };
          await appendToParts(tx, locked, (d) => ({
            riskStatements: [...(d.riskStatements ?? []), statement],
          }));
        },
        audit: () => ({ objectionId }),
      });
    },
  };
}
