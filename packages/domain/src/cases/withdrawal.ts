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
  const mine = [...new Set(vote.by)].filter((key) => applicants.includes(key));
  if (applicants.length <= 1) return ok("all");
  if (mine.length === 0)
    return err(
      problem(
        "CASE.WITHDRAW_NOT_AN_APPLICANT",
        "您不是本案申请人，不能撤回或同意撤回",
        "You are not an applicant of this case and cannot withdraw it or agree to its withdrawal",
      ),
    );
  const before = current?.confirmedBy ?? [];
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
    requestedBy: current?.requestedBy ?? fresh[0]!,
    requestedAt: current?.requestedAt ?? now,
    confirmedBy,
  });
};

/** The applicants still to confirm a pending withdrawal. */
export const awaitingWithdrawal = (request: WithdrawalRequest, applicants: readonly string[]): string[] =>
  [...new Set(applicants)].filter((key) => !request.confirmedBy.includes(key));
