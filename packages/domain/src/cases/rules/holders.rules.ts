import { requireBusinessType } from "../catalogue";
import { compareFractions, FRACTION_ONE, fraction, fractionsEqual, sumFractions } from "../fraction";
import { holderIdsOf } from "../unit-state";
import { type Rule, type RuleFinding, ruleFinding } from "./rule";
import {
  acquiringParties,
  disposingParties,
  isFirstRegistration,
  isRightTransfer,
  rightOf,
  validAdvanceNotices,
} from "./rule-views";

/** R5 现势权利人处分: only the current holder disposes; historic or terminated rights cannot be. */
export const currentHolderOnlyRule: Rule = {
  id: "R5",
  title_zh: "现势权利人处分",
  title_en: "Current holder only",
  appliesTo: (type) =>
    type.subject !== "seizure" &&
    type.subject !== "certificate" &&
    type.verb !== "correct" &&
    (type.verb !== "create" || type.disposal),
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const block = (code: string, zh: string, en: string) =>
      findings.push(ruleFinding("R5", code, "block", zh, en, "民法典 第215条、第311条；条例 第22条"));
    if (type.subject !== "right" && type.verb !== "create") {
      const target = restrictionTarget(type.subject, draft, state);
      if (!target.found)
        block(
          "NO_SUCH_ENTRY",
          `登记簿中没有可供${type.name_zh}的现势登记`,
          `No current entry in the register for: ${type.name_en}`,
        );
      else if (
        target.holderIds &&
        !draft.parties.some((p) => target.holderIds?.includes(p.personId)) &&
        !draft.parties.some((p) => p.role === "instructing-authority" && p.signed)
      )
        block(
          "NOT_THE_HOLDER",
          "申请人不是该项登记记载的权利人",
          "No applicant is the holder recorded for that entry",
        );
      return findings;
    }
    // Presale notices and 在建 mortgages: the house is not registered; the developer holds the land (R2).
    if (!state.firstRegistered && type.beforeFirstRegistration) {
      const holders = new Set(state.landRight?.holderIds ?? []);
      if (type.advanceNoticeKind === "presale-mortgage") {
        const buyers = new Set(
          validAdvanceNotices(state, ctx)
            .filter((n) => n.kind === "presale-sale")
            .flatMap((n) => n.holderIds),
        );
        for (const p of disposingParties(type, draft).filter((p) => !buyers.has(p.personId)))
          block(
            "NOT_THE_BUYER",
            `${p.name}不是该房屋买卖预告登记的权利人`,
            `${p.name} holds no presale purchase notice on the unit`,
          );
      } else
        for (const p of disposingParties(type, draft).filter((p) => !holders.has(p.personId)))
          block(
            "NOT_THE_DEVELOPER",
            `${p.name}不是该宗地的建设用地使用权人`,
            `${p.name} does not hold the land use right`,
          );
      return findings;
    }
    const right = rightOf(draft, state);
    if (!right) {
      block("NO_CURRENT_RIGHT", "该单元没有现势权利可供处分", "The unit has no current right to act on");
      return findings;
    }
    if (right.status === "historic" || right.status === "terminated") {
      block(
        "NOT_CURRENT",
        `权利${right.id}已为${right.status === "historic" ? "历史" : "终止"}状态，不得处分`,
        `Right ${right.id} is ${right.status} and cannot be disposed of`,
      );
      return findings;
    }
    // Heirs, legatees and decisions take the right from someone who no longer applies (条例 14).
    if (
      type.acquisition === "inheritance" ||
      type.acquisition === "bequest" ||
      type.acquisition === "decision"
    )
      return findings;
    const holders = new Set(holderIdsOf(right));
    for (const p of disposingParties(type, draft).filter(
      (p) => !holders.has(p.personId) && !p.unregisteredAcquisition,
    ))
      block(
        "NOT_THE_HOLDER",
        `${p.name}不是登记簿记载的现势权利人`,
        `${p.name} is not the current holder in the register`,
      );
    return findings;
  },
};

/** The mortgage, notice, objection, habitation right or easement a case acts on, and who holds it. */
const restrictionTarget = (
  subject: string,
  draft: Parameters<Rule["check"]>[0],
  state: Parameters<Rule["check"]>[1],
): { found: boolean; holderIds?: readonly string[] } => {
  switch (subject) {
    case "mortgage": {
      const m = state.mortgages.find(
        (x) => x.id === draft.mortgage?.targetMortgageId && x.status === "current",
      );
      return m ? { found: true, holderIds: [m.mortgageeId, ...m.mortgagorIds] } : { found: false };
    }
    case "advance-notice": {
      const n = state.advanceNotices.find(
        (x) => x.id === draft.advanceNotice?.targetId && x.status !== "cancelled",
      );
      return n ? { found: true, holderIds: [...n.holderIds, ...n.obligorIds] } : { found: false };
    }
    case "objection": {
      const o = state.objections.find((x) => x.id === draft.objection?.targetId && x.status === "effective");
      return o ? { found: true } : { found: false };
    }
    case "habitation": {
      const h = state.habitations.find((x) => x.id === draft.habitation?.targetId && x.status === "current");
      return h ? { found: true } : { found: false };
    }
    case "easement":
      return { found: state.easements.some((e) => e.status === "current") };
    default:
      return { found: true };
  }
};

const TWO_THIRDS = fraction(2, 3);

/** R6 共有: common property needs all owners, shares two thirds; shares sum to exactly 1. */
export const coOwnersRule: Rule = {
  id: "R6",
  title_zh: "共有处分与份额",
  title_en: "Co-owners",
  appliesTo: (type) =>
    type.disposal || type.id === "change.co-ownership" || isFirstRegistration(type) || isRightTransfer(type),
  check: (draft, state) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const acquirers = acquiringParties(draft);
    if (
      (isFirstRegistration(type) || isRightTransfer(type) || type.id === "change.co-ownership") &&
      acquirers.length > 1
    ) {
      if (draft.coOwnership === undefined)
        findings.push(
          ruleFinding(
            "R6",
            "MODE_NOT_STATED",
            "warn",
            "未约定共有方式：除家庭关系外视为按份共有",
            "Co-ownership form not stated: by shares unless family",
            "民法典 第308条",
          ),
        );
      if (draft.coOwnership === "shares" && !draft.ownShareOnly) {
        const shares = acquirers.map((p) => p.share);
        if (shares.some((s) => s === undefined))
          findings.push(
            ruleFinding(
              "R6",
              "SHARE_MISSING",
              "block",
              "按份共有须载明每一共有人的份额",
              "Each co-owner by shares needs a stated share",
              "细则 第10条；民法典 第309条",
            ),
          );
        else if (
          !fractionsEqual(sumFractions(shares as NonNullable<(typeof shares)[number]>[]), FRACTION_ONE)
        )
          findings.push(
            ruleFinding(
              "R6",
              "SHARES_NOT_ONE",
              "block",
              "各共有人份额之和必须等于1",
              "The shares must sum to exactly 1",
              "细则 第10条",
            ),
          );
      }
    }
    const right = rightOf(draft, state);
    const disposes = type.disposal || type.id === "change.co-ownership";
    if (!disposes || !right || right.holders.length < 2) return findings;
    const consenting = new Set(
      (type.id === "change.co-ownership" ? acquirers : disposingParties(type, draft))
        .filter((p) => p.signed)
        .map((p) => p.personId),
    );
    const missing = right.holders.filter((h) => !consenting.has(h.personId));
    if (missing.length === 0) return findings;
    const missingNames = missing.map((h) => h.name).join("、");
    if (right.coOwnership === "joint" || type.id === "change.co-ownership") {
      findings.push(
        ruleFinding(
          "R6",
          "ALL_OWNERS",
          "block",
          `共同共有财产的处分须经全体共有人同意，缺：${missingNames}`,
          `Disposal of joint property needs every owner; missing: ${missingNames}`,
          "民法典 第301条；细则 第10条",
        ),
      );
      return findings;
    }
    if (draft.ownShareOnly) return findings; // 民法典 305: each may transfer their own share.
    if (draft.coOwnerAgreement) {
      findings.push(
        ruleFinding(
          "R6",
          "AGREED_OTHERWISE",
          "info",
          "共有人另有约定，按约定处分",
          "The co-owners agreed otherwise",
          "民法典 第301条",
        ),
      );
      return findings;
    }
    const agreeing = sumFractions(
      right.holders.filter((h) => consenting.has(h.personId)).map((h) => h.share ?? fraction(0)),
    );
    if (compareFractions(agreeing, TWO_THIRDS) < 0)
      findings.push(
        ruleFinding(
          "R6",
          "TWO_THIRDS",
          "block",
          `按份共有财产的处分须经占份额三分之二以上的共有人同意，缺：${missingNames}`,
          `Disposal needs owners of at least two thirds of the shares; missing: ${missingNames}`,
          "民法典 第301条",
        ),
      );
    return findings;
  },
};
