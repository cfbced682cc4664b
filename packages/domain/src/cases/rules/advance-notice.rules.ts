import { requireBusinessType } from "../catalogue";
import { advanceNoticeLastDay, isAdvanceNoticeValid } from "../time-effects";
import { hasConsent, type Rule, type RuleFinding, ruleFinding } from "./rule";
import { acquiringParties, sameSet, validAdvanceNotices } from "./rule-views";

/** R10 预告: while effective, a disposal needs its holder's written consent. */
export const advanceNoticeNeedsConsentRule: Rule = {
  id: "R10",
  title_zh: "预告登记限制处分",
  title_en: "Advance notice needs its holder's consent",
  appliesTo: (type) => type.disposal,
  check: (draft, state, ctx) => {
    const findings: RuleFinding[] = [];
    for (const notice of validAdvanceNotices(state, ctx)) {
      // Converting the notice into the registration it protects is its purpose, not a disposal (R11).
      if (notice.id === draft.fromAdvanceNoticeId) continue;
      const missing = notice.holderIds.filter(
        (id) => !hasConsent(draft, ctx, "advance-notice-holder", id, notice.id),
      );
      if (missing.length > 0)
        findings.push(
          ruleFinding(
            "R10",
            "NO_CONSENT",
            "block",
            `该不动产存在预告登记（${notice.id}），未经预告登记权利人书面同意不得处分`,
            `Advance notice ${notice.id} is effective: a disposal needs its holder's written consent`,
            "民法典 第221条；细则 第85条",
          ),
        );
    }
    return findings;
  },
};

/** R11 预告失效与预转本: a notice lapses 90 days after registration became possible; conversion matches it. */
export const advanceNoticeConversionRule: Rule = {
  id: "R11",
  title_zh: "预告失效与预转本",
  title_en: "Advance notice lapse and conversion",
  appliesTo: (type) => type.subject !== "seizure",
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const basis = "民法典 第221条；细则 第85条";
    const block = (code: string, zh: string, en: string) =>
      findings.push(ruleFinding("R11", code, "block", zh, en, basis));
    if (type.subject === "advance-notice" && type.verb === "create")
      findings.push(
        ruleFinding(
          "R11",
          "LAPSES",
          "info",
          "能够进行不动产登记之日起九十日内未申请登记的，预告登记失效",
          "The notice lapses unless registration is applied for within 90 days of becoming possible",
          basis,
        ),
      );
    if (!draft.fromAdvanceNoticeId) return findings;
    const notice = state.advanceNotices.find((n) => n.id === draft.fromAdvanceNoticeId);
    if (!notice || !isAdvanceNoticeValid(notice, ctx.today, ctx.calendar)) {
      const lastDay = notice && advanceNoticeLastDay(notice, ctx.calendar);
      block(
        "NOT_VALID",
        lastDay ? `预告登记已于${lastDay}届满失效，不能转为本登记` : "预告登记不存在或已失效，不能转为本登记",
        lastDay
          ? `The advance notice lapsed after ${lastDay}; it cannot be converted`
          : "The advance notice is unknown or no longer valid",
      );
      return findings;
    }
    const forSale = notice.kind === "presale-sale" || notice.kind === "sale";
    const matchesKind = forSale
      ? type.subject === "right" && type.verb === "transfer"
      : type.subject === "mortgage" && type.verb === "create";
    if (!matchesKind)
      block(
        "WRONG_KIND",
        "本登记与预告登记的种类不一致",
        "This registration is not what the notice protects",
      );
    if (
      !sameSet(
        acquiringParties(draft).map((p) => p.personId),
        notice.holderIds,
      )
    )
      block(
        "OTHER_HOLDER",
        "本登记的权利人与预告登记权利人不一致",
        "The right holder differs from the advance notice holder",
      );
    return findings;
  },
};
