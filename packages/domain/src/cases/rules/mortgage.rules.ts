import type { IsoDate } from "../../calendar/iso-date";
import { DEFAULT_OFFICE_SETTINGS, requireBusinessType } from "../catalogue";
import { addYears } from "../periods";
import type { MortgageView, UnitState } from "../unit-state";
import { hasConsent, type Rule, type RuleFinding, ruleFinding } from "./rule";
import { currentMortgages, effectiveSeizures, isRightTransfer, rightOf } from "./rule-views";

/**
 * R13 抵押权随财产转让: a mortgaged unit may be transferred and the mortgage stays (民法典 406), unless
 * a transfer ban is recorded or the mortgage predates the Civil Code: then the mortgagee consents.
 * Waiving the right needs the mortgagee's consent in every case (细则 28).
 */
export const mortgageFollowsPropertyRule: Rule = {
  id: "R13",
  title_zh: "抵押财产转让",
  title_en: "Mortgage follows the property",
  appliesTo: (type) => isRightTransfer(type) || type.cancellation === "waiver",
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const cutoff = ctx.office.mortgageConsentBefore ?? DEFAULT_OFFICE_SETTINGS.mortgageConsentBefore;
    const findings: RuleFinding[] = [];
    for (const m of currentMortgages(state)) {
      const consented = hasConsent(draft, ctx, "mortgagee", m.mortgageeId, m.id);
      if (type.cancellation === "waiver") {
        if (!consented)
          findings.push(
            ruleFinding(
              "R13",
              "WAIVER_NEEDS_CONSENT",
              "block",
              `放弃设有抵押权（${m.id}）的不动产须经抵押权人书面同意`,
              `Waiving a mortgaged right needs the mortgagee's written consent (${m.id})`,
              "细则 第28条",
            ),
          );
        continue;
      }
      const reason = m.transferBan
        ? "登记簿记载禁止或限制转让"
        : m.registeredOn < cutoff
          ? `抵押权登记于${cutoff}之前`
          : undefined;
      if (reason && !consented)
        findings.push(
          ruleFinding(
            "R13",
            "MORTGAGEE_CONSENT",
            "block",
            `${reason}，转让须经抵押权人（${m.id}）书面同意`,
            `${m.transferBan ? "A transfer ban is recorded" : "The mortgage predates the Civil Code"}: the mortgagee must consent (${m.id})`,
            "民法典 第406条；自然资发〔2021〕54号",
          ),
        );
      else
        findings.push(
          ruleFinding(
            "R13",
            "MORTGAGE_STAYS",
            "info",
            `抵押权（${m.id}）不受影响，随不动产转让`,
            `Mortgage ${m.id} stays on the property`,
            "民法典 第406条",
          ),
        );
    }
    return findings;
  },
};

const harmsLaterRanks = (
  target: MortgageView,
  change: NonNullable<Parameters<Rule["check"]>[0]["mortgage"]>,
) =>
  (change.amount !== undefined && change.amount > target.amount) ||
  (change.debtEnd !== undefined && (target.debtEnd === undefined || change.debtEnd > target.debtEnd)) ||
  (change.rank !== undefined && change.rank !== target.rank);

/** R14 抵押顺位: mortgages rank by acceptance; a change harming later ranks needs their consent. */
export const mortgageRankRule: Rule = {
  id: "R14",
  title_zh: "抵押权顺位",
  title_en: "Mortgage rank",
  appliesTo: (type) => type.subject === "mortgage" && (type.verb === "create" || type.verb === "change"),
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const mortgages = currentMortgages(state);
    if (type.verb === "create") {
      const rank = Math.max(0, ...mortgages.map((m) => m.rank)) + 1;
      return [
        ruleFinding(
          "R14",
          "RANK",
          "info",
          `按受理时间顺序登记，顺位为第${rank}`,
          `Registered in order of acceptance: rank ${rank}`,
          "细则 第66条；民法典 第414条",
        ),
      ];
    }
    const target = mortgages.find((m) => m.id === draft.mortgage?.targetMortgageId);
    if (!target || !draft.mortgage || !harmsLaterRanks(target, draft.mortgage)) return [];
    return mortgages
      .filter((m) => m.rank > target.rank && !hasConsent(draft, ctx, "later-mortgagee", m.mortgageeId, m.id))
      .map((m) =>
        ruleFinding(
          "R14",
          "LATER_RANK_CONSENT",
          "block",
          `变更增加债权数额、延长债务履行期限或改变顺位，对后顺位抵押权（${m.id}）不利，须经其抵押权人书面同意`,
          `The change harms later-ranked mortgage ${m.id}; its mortgagee must consent in writing`,
          "民法典 第409条；细则 第68条",
        ),
      );
  },
};

/** R15 不得抵押的财产 (民法典 399); seized property is refused under R7. */
export const notMortgageableRule: Rule = {
  id: "R15",
  title_zh: "不得抵押的财产",
  title_en: "Property that cannot be mortgaged",
  appliesTo: (type) =>
    (type.subject === "mortgage" && type.verb === "create") ||
    type.advanceNoticeKind === "mortgage" ||
    type.advanceNoticeKind === "presale-mortgage",
  check: (draft, state) => {
    const right = rightOf(draft, state);
    const findings: RuleFinding[] = [];
    const block = (code: string, zh: string, en: string, item: string) =>
      findings.push(ruleFinding("R15", code, "block", zh, en, `民法典 第399条第${item}项`));
    if (right?.kind === "land-ownership")
      block("LAND_OWNERSHIP", "土地所有权不得抵押", "Land ownership cannot be mortgaged", "1");
    const collective =
      right?.kind === "homestead" || right?.kind === "homestead+house" || right?.kind === "contracted-land";
    if (collective && !draft.mortgage?.lawAllows)
      block(
        "COLLECTIVE_USE_RIGHT",
        "宅基地等集体所有土地的使用权不得抵押，法律规定可以抵押的除外",
        "Homestead and similar collective use rights cannot be mortgaged unless a law allows",
        "2",
      );
    if (state.publicInterest)
      block(
        "PUBLIC_INTEREST",
        "学校、幼儿园、医疗机构等公益设施不得抵押",
        "Public-interest school, kindergarten and hospital facilities cannot be mortgaged",
        "3",
      );
    if (state.disputed)
      block(
        "DISPUTED",
        "所有权、使用权不明或者有争议的财产不得抵押",
        "Property with unclear or disputed title cannot be mortgaged",
        "4",
      );
    return findings;
  },
};

/**
 * R16 在建建筑物抵押: the collateral excludes units under advance notice or presale filing (细则 75);
 * the building's first registration converts the mortgage in the same case (细则 77).
 */
export const constructionMortgageRule: Rule = {
  id: "R16",
  title_zh: "在建建筑物抵押",
  title_en: "Mortgage of a building under construction",
  appliesTo: (type) => type.constructionMortgage === true || type.id.startsWith("first.house"),
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    if (type.constructionMortgage) {
      const planned = new Map((state.plannedUnits ?? []).map((u) => [u.unitCode, u]));
      const excluded = (draft.mortgage?.collateralUnits ?? []).filter((code) => {
        const unit = planned.get(code);
        return unit?.presaleFiled || unit?.advanceNotice;
      });
      return excluded.length === 0
        ? []
        : [
            ruleFinding(
              "R16",
              "EXCLUDED_UNITS",
              "block",
              `在建建筑物抵押范围不得包括已办理预告登记或预售备案的房屋：${excluded.join("、")}`,
              `The collateral must exclude units under advance notice or presale filing: ${excluded.join(", ")}`,
              "细则 第75条",
            ),
          ];
    }
    const pending = currentMortgages(state).filter((m) => m.construction);
    const converting = ctx.combined?.typeIds.includes("mortgage.convert-construction") ?? false;
    return pending.length === 0 || converting
      ? []
      : [
          ruleFinding(
            "R16",
            "CONVERT_ON_COMPLETION",
            "block",
            "办理建筑物首次登记时，应当同时将在建建筑物抵押权登记转为建筑物抵押权登记",
            "The building's first registration must convert its construction mortgage in the same case",
            "细则 第77条",
          ),
        ];
  },
};

export type FixingTrigger = {
  mortgageId: string;
  event: "period-ended" | "two-years-request" | "seizure-known";
};

/** R17, 民法典 423: the maximum-amount mortgages whose debts may now be fixed, and why. */
export const maximumMortgageFixingTriggers = (
  state: UnitState,
  today: IsoDate,
  seized: boolean,
): FixingTrigger[] =>
  currentMortgages(state)
    .filter((m) => m.method === "maximum" && !m.fixed)
    .flatMap((m): FixingTrigger[] => {
      const events: FixingTrigger[] = [];
      if (m.fixingPeriodEnd && today > m.fixingPeriodEnd)
        events.push({ mortgageId: m.id, event: "period-ended" });
      // 423(二) applies only without an agreed determination period, and only once two full years have
      // run (民法典 201–203: they end at 24:00 of the corresponding day).
      if (!m.fixingPeriodEnd && today > addYears(m.registeredOn, 2))
        events.push({ mortgageId: m.id, event: "two-years-request" });
      if (seized) events.push({ mortgageId: m.id, event: "seizure-known" });
      return events;
    });

/** R17 最高额抵押: debts are fixed by a 423 event and a fixing registration; until then the mortgage does not follow a partial assignment. */
export const maximumMortgageRule: Rule = {
  id: "R17",
  title_zh: "最高额抵押权",
  title_en: "Maximum-amount mortgage",
  appliesTo: (type) =>
    type.id === "mortgage.transfer" ||
    type.id === "mortgage.fix" ||
    (type.subject === "seizure" && type.verb === "create"),
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const findings: RuleFinding[] = [];
    const maxima = currentMortgages(state).filter((m) => m.method === "maximum" && !m.fixed);
    if (type.subject === "seizure") {
      for (const m of maxima)
        findings.push(
          ruleFinding(
            "R17",
            "NOTIFY_MORTGAGEE",
            "info",
            `最高额抵押权（${m.id}）的抵押权人知道查封后债权确定，应通知其申请确定登记`,
            `Tell the mortgagee of maximum-amount mortgage ${m.id}: its debts become fixed once it learns of the seizure`,
            "民法典 第423条第4项",
          ),
        );
      return findings;
    }
    const target = state.mortgages.find((m) => m.id === draft.mortgage?.targetMortgageId);
    if (!target) return findings;
    const block = (code: string, zh: string, en: string, basis: string) =>
      findings.push(ruleFinding("R17", code, "block", zh, en, basis));
    if (type.id === "mortgage.transfer") {
      if (target.method === "maximum" && !target.fixed && !draft.mortgage?.assignmentAgreed)
        block(
          "NOT_FIXED",
          "最高额抵押担保的债权确定前，部分债权转让的，抵押权不得转让",
          "Before its debts are fixed, a partial assignment does not move a maximum-amount mortgage",
          "民法典 第421条",
        );
      return findings;
    }
    if (target.method !== "maximum" || target.fixed) {
      block(
        "NOT_FIXABLE",
        "该抵押权不是尚未确定的最高额抵押权",
        "The mortgage is not an unfixed maximum-amount mortgage",
        "细则 第73条",
      );
      return findings;
    }
    const event = draft.mortgage?.fixingEvent;
    const available = maximumMortgageFixingTriggers(
      state,
      ctx.today,
      effectiveSeizures(state, ctx).length > 0,
    )
      .filter((t) => t.mortgageId === target.id)
      .map((t) => t.event as string);
    const documented = event === "no-new-debt" || event === "bankruptcy";
    if (!event || (!documented && !available.includes(event)))
      block(
        "NO_FIXING_EVENT",
        "未发生民法典第四百二十三条规定的债权确定事由",
        "None of the events of Civil Code article 423 has occurred",
        "民法典 第423条",
      );
    return findings;
  },
};
