import type { z } from "zod";
import { findOfficeNames } from "../identity/office.repository";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { scopePrefixes } from "../register/register.access";
import { isApplicantSide } from "./case.access";
import type { ZCaseRating } from "./case.schemas";
import type { CaseApplicationService } from "./case.service";
import { withLockedCase } from "./case-lock";
import {
  findRating,
  insertRating,
  listBadRatings,
  summariseRatingsByOffice,
} from "./case-ratings.repository";

/** Stages after which the applicant may rate the service (办结: recorded, or refused / not accepted). */
export const RATEABLE_STAGES = ["registered", "certified", "issued", "archived", "refused", "not-accepted"];

/** A score of two stars or fewer is a 差评: supervisors follow it up. */
export const BAD_SCORE = 2;

export type CaseRating = z.infer<typeof ZCaseRating>;

const present = (r: { score: number; comment: string; created_at: Date | string }): CaseRating => ({
  score: r.score,
  comment: r.comment,
  ratedAt: new Date(r.created_at).toISOString(),
});

/**
 * 好差评: each applicant-side account (the applicant, a party, a party's institution) rates a
 * finished case once; supervisors of the registering office see the averages and the bad ratings.
 */
export function createCaseRatingsService(deps: { db: Database; application: CaseApplicationService }) {
  const { db } = deps;

  async function applicantBundle(ctx: RequestContext, id: string, action: string) {
    const bundle = await deps.application.readable(ctx, id, action);
    if (!isApplicantSide(ctx.actor!, bundle.row, bundle.parties)) {
      await writeAudit(db, ctx, { action, outcome: "denied", targetType: "case", targetId: id });
      throw new AppError("CASE.NOT_FOUND");
    }
    return bundle;
  }

  return {
    /** The caller's own rating of the case, or null. */
    async myRating(ctx: RequestContext, id: string): Promise<CaseRating | null> {
      await applicantBundle(ctx, id, "case.rating.read");
      const row = await findRating(db, id, ctx.actor!.accountId);
      return row ? present(row) : null;
    },

    async rate(ctx: RequestContext, id: string, input: { score: number; comment: string }) {
      return withLockedCase(db, ctx, id, {
        action: "case.rate",
        authorize: (actor, locked) => isApplicantSide(actor, locked.row, locked.parties) && actor,
        async change(tx, locked, actor) {
          if (!RATEABLE_STAGES.includes(locked.row.stage)) throw new AppError("CASE.NOT_FINISHED");
          const inserted = await insertRating(tx, {
            case_id: id,
            account_id: actor.accountId,
            jurisdiction: locked.row.jurisdiction,
            score: input.score,
            comment: input.comment.trim(),
          });
          if (!inserted) throw new AppError("CASE.ALREADY_RATED");
          return present(inserted);
        },
        audit: () => ({ score: input.score }),
      });
    },

    /** 好差评统计 for supervisors: per office, the count, average and bad ratings, and the latest bad ones. */
    async supervisionList(ctx: RequestContext, options: { limit?: number } = {}) {
      const actor = ctx.actor;
      if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
      const prefixes = scopePrefixes(actor, "supervision.view");
      if (prefixes.length === 0) {
        await writeAudit(db, ctx, { action: "case.ratings", outcome: "denied" });
        throw new AppError("AUTH.FORBIDDEN");
      }
      const summaries = await summariseRatingsByOffice(db, prefixes, BAD_SCORE);
      const names = await findOfficeNames(
        db,
        summaries.map((r) => r.jurisdiction),
      );
      const offices = summaries.map((r) => ({
        office: r.jurisdiction.trim(),
        officeName: names.get(r.jurisdiction) ?? r.jurisdiction.trim(),
        count: Number(r.count),
        average: Number(r.average),
        bad: Number(r.bad),
      }));
      const bad = (await listBadRatings(db, prefixes, BAD_SCORE, Math.min(options.limit ?? 50, 200))).map(
        (r) => ({
          caseId: r.case_id,
          office: r.jurisdiction.trim(),
          typeId: r.type_id,
          ...present(r),
        }),
      );
      await writeAudit(db, ctx, { action: "case.ratings", outcome: "success", details: { prefixes } });
      return { offices, bad };
    },
  };
}

export type CaseRatingsService = ReturnType<typeof createCaseRatingsService>;
