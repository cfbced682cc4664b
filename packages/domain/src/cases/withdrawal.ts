import { err, type Finding, ok, type Result } from "../result";

/**
 * A joint application's withdrawal (撤回, R28): every applicant who put their name to it must
 * agree. One applicant (or their agent) asks; the request is kept on the case; the others
 * confirm; only when all have, the case is withdrawn. Applicants are named by a stable key
 * (the server uses the party's person key).
 */
export type WithdrawalRequest = {
  requestedBy: string;
  requestedAt: string;
  confirmedBy: readonly string[];
};

export type WithdrawalVote = {
  /** Every applicant whose agreement is needed. */
  applicants: readonly string[];
  /** The applicants the actor is, or acts for. */
  by: readonly string[];
};

/**
 * A pending request lapses when the other applicants have not all agreed within this many days
 * of the asking: the case goes on as if it had never been asked, and a new request starts afresh.
 */
export const WITHDRAWAL_LAPSE_DAYS = 15;

/** The request if it is still pending at `now` (ISO date-times with offsets), else undefined. */
export const pendingWithdrawal = (
  request: WithdrawalRequest | undefined,
  now: string,
): WithdrawalRequest | undefined => {
  if (!request) return undefined;
  const age = Date.parse(now) - Date.parse(request.requestedAt);
  return age > WITHDRAWAL_LAPSE_DAYS * 86_400_000 ? undefined : request;
};

const problem = (code: string, message_zh: string, message_en: string): Finding[] => [
  { code, severity: "block", message_zh, message_en },
];

/**
 * The request after the actor's vote, or `"all"` when every applicant has now agreed. A single
 * applicant withdraws at once. A non-applicant or a second vote by the same applicant is refused.
 */
export const voteWithdrawal = (
  current: WithdrawalRequest | undefined,
  vote: WithdrawalVote,
  now: string,
): Result<WithdrawalRequest | "all", Finding[]> => {
  const applicants = [...new Set(vote.applicants)];
  const mine = applicantsActing(vote);
  if (applicants.length <= 1) return ok("all");
  if (mine.length === 0) return err(notAnApplicant());
  const pending = pendingWithdrawal(current, now);
  const before = pending?.confirmedBy ?? [];
  const fresh = mine.filter((key) => !before.includes(key));
  if (fresh.length === 0)
    return err(
      problem(
        "CASE.WITHDRAW_ALREADY_CONFIRMED",
        "您已同意撤回，正在等待其他申请人确认",
        "You have already agreed to withdraw; the other applicants have yet to confirm",
      ),
    );
  const confirmedBy = [...before, ...fresh];
  if (applicants.every((key) => confirmedBy.includes(key))) return ok("all");
  return ok({
    requestedBy: pending?.requestedBy ?? fresh[0]!,
    requestedAt: pending?.requestedAt ?? now,
    confirmedBy,
  });
};

const applicantsActing = (vote: WithdrawalVote) =>
  [...new Set(vote.by)].filter((key) => vote.applicants.includes(key));

const notAnApplicant = () =>
  problem(
    "CASE.WITHDRAW_NOT_AN_APPLICANT",
    "您不是本案申请人，不能撤回或同意撤回",
    "You are not an applicant of this case and cannot withdraw it or agree to its withdrawal",
  );

/**
 * Ends a pending withdrawal: the applicant who asked changes their mind, or another applicant
 * declines. Any applicant may; the case goes on. Nothing pending (or lapsed) is refused.
 */
export const cancelWithdrawal = (
  current: WithdrawalRequest | undefined,
  vote: WithdrawalVote,
  now: string,
): Result<null, Finding[]> => {
  if (applicantsActing(vote).length === 0) return err(notAnApplicant());
  if (!pendingWithdrawal(current, now))
    return err(
      problem(
        "CASE.WITHDRAW_NONE_PENDING",
        "本案没有待确认的撤回申请",
        "This case has no pending withdrawal request",
      ),
    );
  return ok(null);
};

/** The applicants still to confirm a pending withdrawal. */
export const awaitingWithdrawal = (request: WithdrawalRequest, applicants: readonly string[]): string[] =>
  [...new Set(applicants)].filter((key) => !request.confirmedBy.includes(key));
