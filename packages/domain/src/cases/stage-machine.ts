import { STAFF_ROLE_NAMES, type StaffRole } from "../access/policy";
import type { IsoDate } from "../calendar/iso-date";
import { addWorkingDays, type HolidayCalendar } from "../calendar/working-days";
import { err, type Finding, ok, type Result } from "../result";
import type { Pause } from "./case-draft";
import { requireBusinessType } from "./catalogue";
import { dateOf } from "./periods";
import { blocking, type RuleFinding } from "./rules/rule";
import type { InstantRoute } from "./rules/rule-engine";
import { CASE_STAGE_NAMES, type CaseStage, RECORDED_STAGES } from "./stages";
import { cancelWithdrawal, voteWithdrawal, type WithdrawalRequest, type WithdrawalVote } from "./withdrawal";

/** Who acts: staff by role, the applicant (or their agent), or the system (instant path, timers). */
export type ActorRole = StaffRole | "applicant" | "system";

export type CaseAction =
  | { kind: "submit" }
  | { kind: "accept" }
  | { kind: "not-accept"; reasons: readonly string[] }
  | { kind: "request-correction"; items: readonly string[] }
  | { kind: "resubmit" }
  | { kind: "start-announcement"; calendar: HolidayCalendar }
  | { kind: "receive-objection"; reasons: readonly string[] }
  | { kind: "end-announcement" }
  | { kind: "review"; findings: readonly RuleFinding[] }
  | { kind: "suspend"; reasons: readonly string[] }
  | { kind: "resume" }
  | { kind: "refuse"; reasons: readonly string[] }
  | { kind: "register"; findings: readonly RuleFinding[] }
  | { kind: "certify" }
  | { kind: "issue"; findings: readonly RuleFinding[] }
  | { kind: "archive" }
  | ({ kind: "withdraw" } & WithdrawalVote)
  | ({ kind: "withdraw-cancel" } & WithdrawalVote)
  | { kind: "auto"; route: InstantRoute };
export type CaseActionKind = CaseAction["kind"];

/** What a person reads for an action in a refusal: 不能受理, "may not accept". */
const ACTION_NAMES: Record<CaseActionKind, { zh: string; en: string }> = {
  submit: { zh: "提交申请", en: "submit" },
  accept: { zh: "受理", en: "accept" },
  "not-accept": { zh: "不予受理", en: "refuse to accept" },
  "request-correction": { zh: "退回补正", en: "ask for correction" },
  resubmit: { zh: "补正后重新提交", en: "resubmit" },
  "start-announcement": { zh: "发布公告", en: "start the announcement" },
  "receive-objection": { zh: "登记异议", en: "receive an objection" },
  "end-announcement": { zh: "结束公告", en: "end the announcement" },
  review: { zh: "审核", en: "review" },
  suspend: { zh: "中止办理", en: "suspend" },
  resume: { zh: "恢复办理", en: "resume" },
  refuse: { zh: "不予登记", en: "refuse" },
  register: { zh: "登簿", en: "register" },
  certify: { zh: "缮证", en: "prepare the certificate" },
  issue: { zh: "发证", en: "issue the certificate" },
  archive: { zh: "归档", en: "archive" },
  withdraw: { zh: "撤回申请", en: "withdraw" },
  "withdraw-cancel": { zh: "取消或拒绝撤回", en: "cancel or decline the withdrawal" },
  auto: { zh: "自动办结", en: "complete automatically" },
};

const actorName = (actor: ActorRole): string =>
  actor === "applicant" ? "申请人" : actor === "system" ? "系统" : STAFF_ROLE_NAMES[actor];

/** One line of the case timeline: every transition records actor, time and reasons. */
export type TransitionRecord = {
  action: CaseActionKind;
  from: CaseStage;
  to: CaseStage;
  actor: ActorRole;
  at: string;
  reasons?: readonly string[];
};

export type CaseState = {
  typeId: string;
  stage: CaseStage;
  acceptedOn?: IsoDate;
  pauses: readonly Pause[];
  /** Where 补正 or 中止 returns to. */
  resumeTo?: CaseStage;
  announcement?: { startedOn: IsoDate; endsOn: IsoDate; completed: boolean };
  /** The one-time list of what to fix (一次性告知补正, R29). */
  correctionItems?: readonly string[];
  /** A joint withdrawal some applicants asked for and the others have yet to confirm (R28). */
  withdrawal?: WithdrawalRequest;
  history: readonly TransitionRecord[];
};

export const newCase = (typeId: string): CaseState => {
  requireBusinessType(typeId);
  return { typeId, stage: "draft", pauses: [], history: [] };
};

/** Which roles may take each action (受理员 accepts, 审核员 reviews, 登簿员 registers …). */
export const ACTION_ROLES: Record<CaseActionKind, readonly ActorRole[]> = {
  submit: ["applicant"],
  accept: ["acceptor"],
  "not-accept": ["acceptor"],
  "request-correction": ["acceptor", "reviewer"],
  resubmit: ["applicant"],
  "start-announcement": ["reviewer"],
  "receive-objection": ["acceptor", "reviewer"],
  "end-announcement": ["reviewer", "system"],
  review: ["reviewer"],
  suspend: ["reviewer"],
  resume: ["reviewer"],
  refuse: ["reviewer", "registrar"],
  register: ["registrar"],
  certify: ["issuer"],
  issue: ["issuer"],
  archive: ["archivist"],
  withdraw: ["applicant"],
  "withdraw-cancel": ["applicant"],
  auto: ["system"],
};

/** Stages each action starts from. */
const FROM: Record<CaseActionKind, readonly CaseStage[]> = {
  submit: ["draft"],
  accept: ["submitted"],
  "not-accept": ["submitted"],
  "request-correction": ["submitted", "accepted", "reviewed"],
  resubmit: ["correction"],
  "start-announcement": ["accepted"],
  "receive-objection": ["announcing"],
  "end-announcement": ["announcing"],
  review: ["accepted"],
  suspend: ["accepted", "reviewed"],
  resume: ["suspended"],
  refuse: ["accepted", "reviewed", "suspended"],
  register: ["reviewed"],
  certify: ["registered"],
  issue: ["certified"],
  archive: ["issued", "registered", "not-accepted", "refused", "withdrawn"],
  withdraw: ["draft", "submitted", "correction", "accepted", "announcing", "suspended", "reviewed"],
  "withdraw-cancel": ["draft", "submitted", "correction", "accepted", "announcing", "suspended", "reviewed"],
  auto: ["submitted"],
};

/** The stages an action may start from: supervision checks recorded timelines against it. */
export const actionStartsFrom = (kind: string): readonly CaseStage[] =>
  (FROM as Record<string, readonly CaseStage[] | undefined>)[kind] ?? [];

const problem = (code: string, message_zh: string, message_en: string, basis?: string): Finding[] => [
  basis
    ? { code, severity: "block", message_zh, message_en, basis }
    : { code, severity: "block", message_zh, message_en },
];

const openPause = (pauses: readonly Pause[], kind: Pause["kind"], on: IsoDate): Pause[] => [
  ...pauses,
  { kind, from: on },
];
const closePauses = (pauses: readonly Pause[], on: IsoDate): Pause[] =>
  pauses.map((p) => (p.to === undefined ? { ...p, to: on } : p));

const nonEmpty = (values: readonly string[]) => values.some((v) => v.trim().length > 0);

/**
 * The case stage machine. Every refusal carries written reasons (R29); withdrawal ends at 登簿 (R28);
 * correction, announcement and suspension stop the clock (R23); instant types pass their automatic
 * stages in one step when the route is automatic. `now` is a local ISO date-time (`…+08:00`).
 */
export const transition = (
  state: CaseState,
  action: CaseAction,
  actor: ActorRole,
  now: string,
): Result<CaseState, Finding[]> => {
  const type = requireBusinessType(state.typeId);
  const today = dateOf(now);
  if (action.kind === "withdraw" && RECORDED_STAGES.includes(state.stage))
    return err(
      problem(
        "R28.AFTER_RECORDING",
        "已登簿，不能撤回申请",
        "The case is registered: it can no longer be withdrawn",
        "条例 第15条",
      ),
    );
  if (!ACTION_ROLES[action.kind].includes(actor))
    return err(
      problem(
        "CASE.ROLE_NOT_ALLOWED",
        `${actorName(actor)}不能${ACTION_NAMES[action.kind].zh}`,
        `${actor} may not ${ACTION_NAMES[action.kind].en}`,
      ),
    );
  const archivingEarly = action.kind === "archive" && state.stage === "registered" && type.yields !== "none";
  if (!FROM[action.kind].includes(state.stage) || archivingEarly)
    return err(
      problem(
        "CASE.NOT_FROM_STAGE",
        `案件处于“${CASE_STAGE_NAMES[state.stage].zh}”阶段，不能${ACTION_NAMES[action.kind].zh}`,
        `Cannot ${ACTION_NAMES[action.kind].en} a case in stage "${CASE_STAGE_NAMES[state.stage].en}"`,
      ),
    );
  const move = (
    to: CaseStage,
    patch: Partial<CaseState> = {},
    reasons?: readonly string[],
  ): Result<CaseState, Finding[]> =>
    ok({
      ...state,
      ...patch,
      stage: to,
      history: [
        ...state.history,
        { action: action.kind, from: state.stage, to, actor, at: now, ...(reasons ? { reasons } : {}) },
      ],
    });
  const stopped = (findings: readonly RuleFinding[]) => {
    const blocks = blocking(findings);
    return blocks.length === 0
      ? undefined
      : err<Finding[]>(
          blocks.map(({ code, severity, message_zh, message_en, basis }) => ({
            code,
            severity,
            message_zh,
            message_en,
            basis,
          })),
        );
  };
  switch (action.kind) {
    case "submit":
      return move("submitted");
    case "accept":
      return move("accepted", { acceptedOn: today });
    case "not-accept":
    case "refuse":
    case "receive-objection":
    case "suspend": {
      if (!nonEmpty(action.reasons))
        return err(
          problem(
            "R29.REASONS_REQUIRED",
            "须书面说明理由",
            "Written reasons are required",
            "条例 第17条、第22条",
          ),
        );
      if (action.kind === "not-accept") return move("not-accepted", {}, action.reasons);
      if (action.kind === "refuse")
        return move("refused", { pauses: closePauses(state.pauses, today) }, action.reasons);
      // R20: objections during the announcement suspend the case; the clock keeps standing still.
      // After them the case goes back to review (and may be announced again).
      const pauses = openPause(closePauses(state.pauses, today), "suspension", today);
      const resumeTo = action.kind === "receive-objection" ? "accepted" : state.stage;
      return move("suspended", { pauses, resumeTo }, action.reasons);
    }
    case "request-correction": {
      if (!nonEmpty(action.items))
        return err(
          problem(
            "R29.ITEMS_REQUIRED",
            "须一次性告知需要补正的全部内容",
            "List everything to correct at once",
            "条例 第17条",
          ),
        );
      const pauses = state.acceptedOn ? openPause(state.pauses, "correction", today) : [...state.pauses];
      return move(
        "correction",
        { pauses, resumeTo: state.stage, correctionItems: action.items },
        action.items,
      );
    }
    case "resubmit":
    case "resume":
      return move(state.resumeTo ?? "submitted", { pauses: closePauses(state.pauses, today) });
    case "start-announcement": {
      if (!type.announcement)
        return err(problem("R20.NOT_ANNOUNCED", "该类型无需公告", "This type has no announcement"));
      const endsOn = addWorkingDays(action.calendar, today, type.announcement.workingDays).date;
      return move("announcing", {
        pauses: openPause(state.pauses, "announcement", today),
        announcement: { startedOn: today, endsOn, completed: false },
      });
    }
    case "end-announcement": {
      const a = state.announcement;
      if (!a || !(today > a.endsOn))
        return err(
          problem(
            "R20.STILL_RUNNING",
            `公告期至${a?.endsOn}届满`,
            `The announcement runs until ${a?.endsOn}`,
            type.announcement?.basis,
          ),
        );
      return move("accepted", {
        pauses: closePauses(state.pauses, today),
        announcement: { ...a, completed: true },
      });
    }
    case "review": {
      if (type.announcement && !state.announcement?.completed)
        return err(
          problem(
            "R20.ANNOUNCE_FIRST",
            "登簿前须完成公告",
            "The announcement must be completed first",
            type.announcement.basis,
          ),
        );
      return stopped(action.findings) ?? move("reviewed");
    }
    case "register":
      return stopped(action.findings) ?? move("registered");
    case "certify":
      if (type.yields === "none")
        return err(
          problem("CASE.NOTHING_TO_CERTIFY", "该类型不发证书或证明", "This type yields no certificate"),
        );
      return move("certified");
    case "issue":
      return stopped(action.findings) ?? move("issued");
    case "archive":
      return move("archived");
    case "withdraw": {
      const vote = voteWithdrawal(state.withdrawal, action, now);
      if (!vote.ok) return vote;
      // Until every applicant agrees the case goes on; the request is kept on it.
      if (vote.value !== "all") return ok({ ...state, withdrawal: vote.value });
      return move("withdrawn", { pauses: closePauses(state.pauses, today) });
    }
    case "withdraw-cancel": {
      const cancelled = cancelWithdrawal(state.withdrawal, action, now);
      if (!cancelled.ok) return cancelled;
      const { withdrawal: _ended, ...rest } = state;
      return ok(rest);
    }
    case "auto": {
      if (action.route.route === "human")
        return err(
          action.route.reasons.map((r) => ({
            code: "CASE.NEEDS_HUMAN",
            severity: "block" as const,
            message_zh: `转人工审核：${r}`,
            message_en: `To a reviewer: ${r}`,
          })),
        );
      if (type.automaticStages.length === 0)
        return err(
          problem(
            "CASE.NOT_INSTANT",
            "该类型不能即时办结",
            "This type is not eligible for instant registration",
          ),
        );
      // Each automatic stage is its own timeline line, all at the same moment, by the system.
      let stage = state.stage;
      const history = [...state.history];
      for (const to of type.automaticStages) {
        history.push({ action: "auto", from: stage, to, actor, at: now });
        stage = to;
      }
      return ok({ ...state, stage, acceptedOn: today, history });
    }
  }
};

/** What an actor may do next with the case (the response tells the client). */
export const availableActions = (state: CaseState, actor: ActorRole): CaseActionKind[] => {
  const yieldsNothing = requireBusinessType(state.typeId).yields === "none";
  return (Object.keys(FROM) as CaseActionKind[]).filter(
    (kind) =>
      FROM[kind].includes(state.stage) &&
      ACTION_ROLES[kind].includes(actor) &&
      !(kind === "archive" && state.stage === "registered" && !yieldsNothing) &&
      !(kind === "certify" && yieldsNothing) &&
      // Offered while a joint withdrawal is on the case (one that lapsed is refused when tried).
      !(kind === "withdraw-cancel" && !state.withdrawal),
  );
};
