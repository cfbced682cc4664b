import { addDays, type IsoDate, isIsoDate } from "../../calendar/iso-date";
import { addWorkingDays } from "../../calendar/working-days";
import type { CaseDraft } from "../case-draft";
import { feeCategoryFor, promisedDaysFor, requireBusinessType } from "../catalogue";
import { advanceNoticeLastDay, objectionLastDay } from "../time-effects";
import { caseDeadline } from "../time-limits";
import { type Rule, type RuleFinding, ruleFinding, stageOf } from "./rule";
import { effectiveObjections, validAdvanceNotices } from "./rule-views";

/**
 * R20 公告: announced for at least 15 working days before registering; ex-officio corrections and
 * cancellations only after the parties' 30 working days; objections received suspend the case.
 */
export const announcementRule: Rule = {
  id: "R20",
  title_zh: "公告",
  title_en: "Announcement",
  readsDraftDates: true,
  appliesTo: (type) => type.announcement !== undefined,
  check: (draft, _state, ctx) => {
    const rule = requireBusinessType(draft.typeId).announcement!;
    const findings: RuleFinding[] = [];
    const atRegister = stageOf(ctx) === "register";
    const what = rule.kind === "loss-notice" ? "遗失声明" : "公告";
    const push = (code: string, blocks: boolean, zh: string, en: string) =>
      findings.push(ruleFinding("R20", code, blocks ? "block" : "info", zh, en, rule.basis));
    if (rule.noticeWorkingDays) {
      const served = draft.correction?.noticeServedOn;
      const noticeEnd = served && addWorkingDays(ctx.calendar, served, rule.noticeWorkingDays).date;
      const startedEarly = noticeEnd && draft.announcement && draft.announcement.startedOn <= noticeEnd;
      if (!noticeEnd || startedEarly)
        push(
          "NOTICE_FIRST",
          Boolean(startedEarly) || atRegister,
          `应先通知当事人在${rule.noticeWorkingDays}个工作日内办理，逾期后方可公告`,
          `The parties get ${rule.noticeWorkingDays} working days' notice before the announcement`,
        );
    }
    const started = draft.announcement?.startedOn;
    const endsOn = started && addWorkingDays(ctx.calendar, started, rule.workingDays).date;
    if (!endsOn || !(ctx.today > endsOn))
      push(
        "NOT_COMPLETE",
        atRegister,
        endsOn
          ? `${what}期至${endsOn}届满，届满后方可登簿`
          : `登簿前须${what}不少于${rule.workingDays}个工作日`,
        endsOn
          ? `The ${rule.kind} runs until ${endsOn}; register only after it`
          : `A ${rule.kind} of ${rule.workingDays} working days must precede registering`,
      );
    if ((draft.announcement?.objectionsReceived ?? 0) > 0)
      push(
        "OBJECTIONS_RECEIVED",
        true,
        `${what}期间收到异议，案件中止待处理`,
        "Objections were received during the announcement: the case is suspended",
      );
    return findings;
  },
};

/** Register entries that dispose of the unit or restrict it: after them, a correction is refused (细则 79–80). */
const LATER_DISPOSALS = [
  "right.transfer",
  "mortgage.create",
  "mortgage.transfer",
  "advance-notice.create",
  "seizure.create",
  "seizure.wait",
  "easement.create",
  "habitation.create",
];

/** R21 更正: refused where a disposal, advance notice or seizure was registered after the error. */
export const correctionLimitsRule: Rule = {
  id: "R21",
  title_zh: "更正登记的限制",
  title_en: "Limits of correction",
  appliesTo: (type) => type.verb === "correct",
  check: (draft, state) => {
    const errorOn = draft.correction?.errorRegisteredOn;
    const basis = "细则 第79条、第80条";
    if (!errorOn)
      return [
        ruleFinding(
          "R21",
          "ERROR_DATE",
          "block",
          "须载明错误登记的登簿日期",
          "State when the wrong entry was registered",
          basis,
        ),
      ];
    const later = state.history.filter(
      (e) => LATER_DISPOSALS.includes(e.entryKind) && e.registeredOn > errorOn,
    );
    return later.length === 0
      ? []
      : [
          ruleFinding(
            "R21",
            "DISPOSED_AFTER_ERROR",
            "block",
            `错误登记之后已办理${later.map((e) => `${e.entryKind}（${e.registeredOn}）`).join("、")}，不予更正`,
            `After the error the unit was disposed of, noticed or seized (${later.map((e) => e.entryKind).join(", ")}): no correction`,
            basis,
          ),
        ];
  },
};

/** R22 先税后证: deed tax before registering a transfer (契税法 11); fees before certificates. */
export const taxAndFeesFirstRule: Rule = {
  id: "R22",
  title_zh: "先缴税费",
  title_en: "Tax and fees first",
  appliesTo: (type) => type.deedTax === true || type.fee !== "none",
  check: (draft, state, ctx) => {
    const type = requireBusinessType(draft.typeId);
    const stage = stageOf(ctx);
    const findings: RuleFinding[] = [];
    if (type.deedTax && !draft.taxCleared)
      findings.push(
        ruleFinding(
          "R22",
          "DEED_TAX",
          stage === "register" || stage === "issue" ? "block" : "info",
          "未经税务机关确认缴纳契税或减免税，不予办理转移登记",
          "No transfer is registered before the tax office confirms deed tax paid or exempt",
          "契税法 第11条",
        ),
      );
    if (feeCategoryFor(type, state.use) !== "none" && !draft.feePaid)
      findings.push(
        ruleFinding(
          "R22",
          "FEE",
          stage === "issue" ? "block" : "info",
          "登记费缴清后方可发证",
          "Fees are paid before the certificate is issued",
          "发改价格规〔2016〕2559号",
        ),
      );
    return findings;
  },
};

/** R23 办理时限: statutory 30 working days, the office's promise, clock paused in correction and announcement. */
export const timeLimitsRule: Rule = {
  id: "R23",
  title_zh: "办理时限",
  title_en: "Time limits",
  readsDraftDates: true,
  appliesTo: () => true,
  check: (draft, _state, ctx) => {
    if (!draft.acceptedOn) return [];
    const type = requireBusinessType(draft.typeId);
    const pauses = draft.pauses ?? [];
    const options = { asOf: ctx.today };
    const statutory = caseDeadline(draft.acceptedOn, type.statutoryDays, pauses, ctx.calendar, options);
    const promised = caseDeadline(
      draft.acceptedOn,
      promisedDaysFor(type, ctx.office),
      pauses,
      ctx.calendar,
      options,
    );
    const basis = "条例 第20条；细则 第17条";
    const note = statutory.provisional ? "（含未公布节假日安排的年份，暂定）" : "";
    if (ctx.today > statutory.date)
      return [
        ruleFinding(
          "R23",
          "STATUTORY_OVERDUE",
          "warn",
          `已超过法定办理时限（${statutory.date}）${note}`,
          `Past the statutory limit (${statutory.date})`,
          basis,
        ),
      ];
    if (ctx.today > promised.date)
      return [
        ruleFinding(
          "R23",
          "PROMISED_OVERDUE",
          "warn",
          `已超过承诺办理时限（${promised.date}）${note}`,
          `Past the promised limit (${promised.date})`,
          basis,
        ),
      ];
    return [
      ruleFinding(
        "R23",
        "DEADLINE",
        "info",
        `承诺时限至${promised.date}，法定时限至${statutory.date}${note}`,
        `Promised by ${promised.date}, statutory limit ${statutory.date}`,
        basis,
      ),
    ];
  },
};

const DRAFT_DATES: ReadonlyArray<[string, (d: CaseDraft) => IsoDate | undefined]> = [
  ["termEnd", (d) => d.termEnd],
  ["acceptedOn", (d) => d.acceptedOn],
  ["announcement.startedOn", (d) => d.announcement?.startedOn],
  ["correction.errorRegisteredOn", (d) => d.correction?.errorRegisteredOn],
  ["correction.noticeServedOn", (d) => d.correction?.noticeServedOn],
  ["mortgage.debtEnd", (d) => d.mortgage?.debtEnd],
  ["seizure.periodStart", (d) => d.seizure?.periodStart],
  ["seizure.periodEnd", (d) => d.seizure?.periodEnd],
  ["easement.dominantTermEnd", (d) => d.easement?.dominantTermEnd],
  ["advanceNotice.registrablePossibleOn", (d) => d.advanceNotice?.registrablePossibleOn],
];

/** Every date of the draft with its field name, the clock pauses included. */
export const draftDates = (draft: CaseDraft): Array<[string, string]> => [
  ...DRAFT_DATES.flatMap(([field, read]): Array<[string, string]> => {
    const value = read(draft);
    return value === undefined ? [] : [[field, value]];
  }),
  ...(draft.pauses ?? []).flatMap(
    (p, i): Array<[string, string]> => [
      [`pauses[${i}].from`, p.from],
      ...(p.to ? ([[`pauses[${i}].to`, p.to]] as Array<[string, string]>) : []),
    ],
  ),
];

/**
 * R24 期间计算: periods are counted on real calendar dates, start the next day and end at 24:00, a last
 * day on a rest day moving to the next working day (民法典 201–203). Blocks dates that cannot be
 * counted; explains when a period the case depends on was moved off a holiday.
 */
export const countingTimeRule: Rule = {
  id: "R24",
  title_zh: "期间计算",
  title_en: "Counting time",
  appliesTo: () => true,
  check: (draft, state, ctx) => {
    const findings: RuleFinding[] = [];
    for (const [field, value] of draftDates(draft)) {
      if (!isIsoDate(value))
        findings.push(
          ruleFinding(
            "R24",
            "INVALID_DATE",
            "block",
            `日期无效：${field} = ${value}`,
            `Not a calendar date: ${field} = ${value}`,
            "民法典 第201条",
          ),
        );
    }
    const moved = (what_zh: string, what_en: string, nominal: IsoDate, actual: IsoDate) =>
      nominal !== actual &&
      findings.push(
        ruleFinding(
          "R24",
          "PERIOD_MOVED",
          "info",
          `${what_zh}期间末日${nominal}为休息日，顺延至${actual}`,
          `The ${what_en} period's last day ${nominal} is a rest day: it runs until ${actual}`,
          "民法典 第203条",
        ),
      );
    for (const o of effectiveObjections(state, ctx))
      moved(
        `异议（${o.id}）`,
        `objection ${o.id}`,
        addDays(o.registeredOn, 15),
        objectionLastDay(o, ctx.calendar),
      );
    for (const n of validAdvanceNotices(state, ctx)) {
      const lastDay = advanceNoticeLastDay(n, ctx.calendar);
      if (n.registrablePossibleOn && lastDay)
        moved(`预告（${n.id}）`, `advance notice ${n.id}`, addDays(n.registrablePossibleOn, 90), lastDay);
    }
    return findings;
  },
};

/** R28 撤回: a case withdrawn before recording must not be recorded (条例 15). */
export const withdrawalRule: Rule = {
  id: "R28",
  title_zh: "撤回申请",
  title_en: "Withdrawal",
  appliesTo: () => true,
  check: (draft) =>
    draft.withdrawnAt
      ? [
          ruleFinding(
            "R28",
            "WITHDRAWN",
            "block",
            `申请人已于${draft.withdrawnAt}撤回申请，不予登簿`,
            `The applicant withdrew on ${draft.withdrawnAt}: the case is not registered`,
            "条例 第15条",
          ),
        ]
      : [],
};
