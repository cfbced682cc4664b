import type { IsoDate } from "../../calendar/iso-date";
import { requireBusinessType } from "../catalogue";
import { addYears, hasEnded } from "../periods";
import { type Rule, type RuleFinding, ruleFinding } from "./rule";
import { isFirstRegistration, isRightTransfer, rightOf } from "./rule-views";

/** R26 证随权走: a transfer or cancellation voids the old certificate; a replacement voids and is marked 补发. */
export const certificatesFollowRightsRule: Rule = {
  id: "R26",
  title_zh: "证书随权利变动",
  title_en: "Certificates follow rights",
  appliesTo: (type) =>
    type.subject === "certificate" ||
    (type.subject === "right" &&
      (type.verb === "transfer" ||
        type.verb === "cancel" ||
        type.verb === "change" ||
        type.verb === "correct")),
  check: (draft, state) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const presented = draft.presentedCertificate;
    if (presented && state.voidedCertificates.includes(presented))
      findings.push(
        ruleFinding(
          "R26",
          "VOID_CERTIFICATE",
          "block",
          `证书${presented}已作废，不能据以办理登记`,
          `Certificate ${presented} is void`,
          "细则 第22条；民法典 第217条",
        ),
      );
    const old = rightOf(draft, state)?.certificateNumber;
    if (old && !state.voidedCertificates.includes(old))
      findings.push(
        ruleFinding(
          "R26",
          "VOIDS_OLD",
          "info",
          type.subject === "certificate"
            ? `登簿后原证书${old}作废，新证书注明“补发”或“换发”`
            : `登簿后原证书${old}作废`,
          type.subject === "certificate"
            ? `On registering, ${old} becomes void; the new certificate is marked as a replacement`
            : `On registering, certificate ${old} becomes void`,
          "细则 第22条",
        ),
      );
    return findings;
  },
};

/** Maximum grant terms by land use (城镇国有土地使用权出让和转让暂行条例 第12条). */
const MAX_YEARS = { residential: 70, industrial: 50, commercial: 40, other: 50 } as const;

/**
 * R27 期限: an expired use right is refused (条例 22), except housing, which renews automatically
 * (民法典 359); a granted term stays within the statutory maximum; a mortgage should not outlast the
 * right it burdens (easements: R19).
 */
export const rightTermsRule: Rule = {
  id: "R27",
  title_zh: "权利期限",
  title_en: "Terms",
  appliesTo: (type) =>
    type.disposal || isFirstRegistration(type) || isRightTransfer(type) || type.id === "change.use-or-term",
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const right = rightOf(draft, state);
    if (right?.termEnd && hasEnded(right.termEnd, ctx.today) && !isFirstRegistration(type)) {
      if (right.landUse === "residential")
        findings.push(
          ruleFinding(
            "R27",
            "RENEWED",
            "info",
            `住宅建设用地使用权期限（${right.termEnd}）届满自动续期`,
            `A residential land use right renews automatically after ${right.termEnd}`,
            "民法典 第359条",
          ),
        );
      else
        findings.push(
          ruleFinding(
            "R27",
            "EXPIRED",
            "block",
            `权利期限已于${right.termEnd}届满`,
            `The right's term ended on ${right.termEnd}`,
            "条例 第22条第3项",
          ),
        );
    }
    if ((isFirstRegistration(type) || type.id === "change.use-or-term") && draft.termEnd && draft.landUse) {
      const max = MAX_YEARS[draft.landUse];
      const latest: IsoDate = addYears(ctx.today, max);
      if (draft.termEnd > latest)
        findings.push(
          ruleFinding(
            "R27",
            "TERM_TOO_LONG",
            "block",
            `该用途的出让最高年限为${max}年`,
            `The longest grant for this use is ${max} years`,
            "城镇国有土地使用权出让和转让暂行条例 第12条",
          ),
        );
    }
    const debtEnd = draft.mortgage?.debtEnd;
    if (
      type.subject === "mortgage" &&
      debtEnd &&
      right?.termEnd &&
      debtEnd > right.termEnd &&
      right.landUse !== "residential"
    )
      findings.push(
        ruleFinding(
          "R27",
          "OUTLASTS_RIGHT",
          "warn",
          `债务履行期限超过土地使用权期限（${right.termEnd}）`,
          `The secured debt runs beyond the land right's term (${right.termEnd})`,
          "条例 第22条 [?]",
        ),
      );
    return findings;
  },
};
