import type { CaseDraft } from "../case-draft";
import { requireBusinessType } from "../catalogue";
import { rankedWaitingSeizures } from "../time-effects";
import type { HolderView, MortgageView, RightView, UnitState } from "../unit-state";
import type { RuleContext } from "./rule";
import {
  acquiringParties,
  currentMortgages,
  disposingParties,
  effectiveSeizures,
  rightOf,
} from "./rule-views";

const pendingId = (draft: CaseDraft, what: string) => `pending:${draft.typeId}:${what}`;

const holdersOf = (draft: CaseDraft): HolderView[] =>
  acquiringParties(draft).map((p) => ({
    personId: p.personId,
    name: p.name,
    ...(p.share ? { share: p.share } : {}),
  }));

const replaceRight = (state: UnitState, id: string, next: (r: RightView) => RightView): UnitState => ({
  ...state,
  rights: state.rights.map((r) => (r.id === id ? next(r) : r)),
});

/**
 * The unit as a registered part of a combined case leaves it, for checking the next part against
 * (R2 after a first registration, R5 after a transfer, R10 after a conversion …). A simulation for
 * the rules only: the register's own projections are authoritative.
 */
export const projectPart = (draft: CaseDraft, state: UnitState, ctx: RuleContext): UnitState => {
  const type = requireBusinessType(draft.typeId);
  const today = ctx.today;
  let next: UnitState = {
    ...state,
    history: [...state.history, ...type.entries.map((entryKind) => ({ entryKind, registeredOn: today }))],
  };
  if (draft.fromAdvanceNoticeId)
    next = {
      ...next,
      advanceNotices: next.advanceNotices.map((n) =>
        n.id === draft.fromAdvanceNoticeId ? { ...n, status: "converted" } : n,
      ),
    };
  const right = rightOf(draft, next);
  const mortgageId = draft.mortgage?.targetMortgageId;
  const updateMortgage = (update: (m: MortgageView) => MortgageView) => ({
    ...next,
    mortgages: next.mortgages.map((m) => (m.id === mortgageId ? update(m) : m)),
  });
  switch (`${type.subject}.${type.verb}`) {
    case "right.create":
      return {
        ...next,
        firstRegistered: true,
        rights: [
          ...next.rights,
          {
            id: pendingId(draft, "right"),
            kind: "other",
            status: "current",
            holders: holdersOf(draft),
            coOwnership: draft.coOwnership ?? (acquiringParties(draft).length > 1 ? "shares" : "sole"),
            ...(draft.termEnd ? { termEnd: draft.termEnd } : {}),
            registeredOn: today,
          },
        ],
      };
    case "right.transfer": {
      if (!right) return next;
      const leaving = new Set(disposingParties(type, draft).map((p) => p.personId));
      const holders = draft.ownShareOnly
        ? [...right.holders.filter((h) => !leaving.has(h.personId)), ...holdersOf(draft)]
        : holdersOf(draft);
      const seizures = draft.decision?.wholeUnit
        ? next.seizures.map((s) => (s.status === "waiting" ? { ...s, status: "lapsed" as const } : s))
        : next.seizures;
      return {
        ...replaceRight(next, right.id, (r) => ({
          ...r,
          holders,
          coOwnership: draft.coOwnership ?? (holders.length > 1 ? "shares" : "sole"),
          registeredOn: today,
        })),
        seizures,
        voidedCertificates: right.certificateNumber
          ? [...next.voidedCertificates, right.certificateNumber]
          : next.voidedCertificates,
      };
    }
    case "right.cancel":
      return right ? replaceRight(next, right.id, (r) => ({ ...r, status: "terminated" })) : next;
    case "mortgage.create":
      return {
        ...next,
        mortgages: [
          ...next.mortgages,
          {
            id: pendingId(draft, "mortgage"),
            mortgageeId: draft.parties.find((p) => p.role === "right-holder")?.personId ?? "",
            mortgagorIds: disposingParties(type, draft).map((p) => p.personId),
            method: type.mortgageMethod ?? "general",
            amount: draft.mortgage?.amount ?? 0,
            rank: Math.max(0, ...currentMortgages(next).map((m) => m.rank)) + 1,
            registeredOn: today,
            transferBan: draft.mortgage?.transferBan ?? false,
            ...(type.constructionMortgage ? { construction: true } : {}),
            status: "current",
          },
        ],
      };
    case "mortgage.change":
      return updateMortgage((m) => ({
        ...m,
        mortgagorIds: disposingParties(type, draft).map((p) => p.personId),
        ...(draft.mortgage?.amount !== undefined ? { amount: draft.mortgage.amount } : {}),
        ...(draft.mortgage?.debtEnd ? { debtEnd: draft.mortgage.debtEnd } : {}),
        ...(draft.mortgage?.rank !== undefined ? { rank: draft.mortgage.rank } : {}),
      }));
    case "mortgage.transfer":
      return updateMortgage((m) => ({
        ...m,
        mortgageeId: draft.parties.find((p) => p.role === "right-holder")?.personId ?? m.mortgageeId,
      }));
    case "mortgage.fix":
      return updateMortgage((m) => ({ ...m, fixed: true }));
    case "mortgage.convert":
      return updateMortgage((m) => ({ ...m, construction: false }));
    case "mortgage.cancel":
      return updateMortgage((m) => ({ ...m, status: "cancelled" }));
    case "advance-notice.create":
      return {
        ...next,
        advanceNotices: [
          ...next.advanceNotices,
          {
            id: pendingId(draft, "notice"),
            kind: type.advanceNoticeKind ?? "sale",
            holderIds: acquiringParties(draft).map((p) => p.personId),
            obligorIds: disposingParties(type, draft).map((p) => p.personId),
            registeredOn: today,
            status: "effective",
          },
        ],
      };
    case "advance-notice.cancel":
      return {
        ...next,
        advanceNotices: next.advanceNotices.map((n) =>
          n.id === draft.advanceNotice?.targetId ? { ...n, status: "cancelled" } : n,
        ),
      };
    case "seizure.create": {
      const s = draft.seizure;
      if (!s) return next;
      const status = effectiveSeizures(next, ctx).length > 0 ? "waiting" : "effective";
      return {
        ...next,
        seizures: [
          ...next.seizures,
          {
            id: pendingId(draft, "seizure"),
            court: s.court,
            kind: type.seizureKind ?? "seizure",
            status,
            deliveredAt: s.deliveredAt,
            periodStart: s.periodStart,
            periodEnd: s.periodEnd,
          },
        ],
      };
    }
    case "seizure.release": {
      const target = draft.seizure?.targetSeizureId;
      const released = next.seizures.map((s) =>
        s.id === target ? { ...s, status: "released" as const } : s,
      );
      // R8: the first court disposing of the whole unit ends the waiting ones; otherwise the first takes effect.
      if (draft.decision?.wholeUnit)
        return {
          ...next,
          seizures: released.map((s) => (s.status === "waiting" ? { ...s, status: "lapsed" } : s)),
        };
      const first = rankedWaitingSeizures(released)[0];
      return {
        ...next,
        seizures: released.map((s) =>
          s.id === first?.id && !released.some((x) => x.status === "effective")
            ? { ...s, status: "effective", effectiveFrom: today }
            : s,
        ),
      };
    }
    case "seizure.extend":
      return {
        ...next,
        seizures: next.seizures.map((s) =>
          s.id === draft.seizure?.targetSeizureId && draft.seizure
            ? { ...s, periodEnd: draft.seizure.periodEnd }
            : s,
        ),
      };
    case "objection.create":
      return {
        ...next,
        objections: [
          ...next.objections,
          {
            id: pendingId(draft, "objection"),
            applicantId: draft.parties.find((p) => p.role === "interested-party")?.personId ?? "",
            matter: draft.objection?.matter ?? "",
            grounds: draft.objection?.grounds ?? "",
            registeredOn: today,
            status: "effective",
          },
        ],
      };
    case "objection.cancel":
      return {
        ...next,
        objections: next.objections.map((o) =>
          o.id === draft.objection?.targetId ? { ...o, status: "cancelled" } : o,
        ),
      };
    case "habitation.create":
      return {
        ...next,
        habitations: [
          ...next.habitations,
          {
            id: pendingId(draft, "habitation"),
            holderId: draft.parties.find((p) => p.role === "right-holder")?.personId ?? "",
            ...(draft.termEnd ? { termEnd: draft.termEnd } : {}),
            status: "current",
          },
        ],
      };
    case "habitation.cancel":
      return {
        ...next,
        habitations: next.habitations.map((h) =>
          h.id === draft.habitation?.targetId ? { ...h, status: "cancelled" } : h,
        ),
      };
    case "easement.create":
      return {
        ...next,
        easements: [
          ...next.easements,
          {
            id: pendingId(draft, "easement"),
            side: "servient",
            otherUnitCode: draft.easement?.dominantUnitCode ?? "",
            termEnd: draft.termEnd ?? "",
            status: "current",
          },
        ],
      };
    case "certificate.replace":
      return right?.certificateNumber
        ? {
            ...replaceRight(next, right.id, (r) => ({
              ...r,
              certificateNumber: pendingId(draft, "certificate"),
            })),
            voidedCertificates: [...next.voidedCertificates, right.certificateNumber],
          }
        : next;
    default:
      return next;
  }
};
