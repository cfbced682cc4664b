import { describe, expect, it } from "vitest";
import { cancelWithdrawal, pendingWithdrawal, voteWithdrawal, WITHDRAWAL_LAPSE_DAYS } from "./withdrawal";

const applicants = ["seller", "buyer"];
const asked = { requestedBy: "seller", requestedAt: "2026-03-02T10:00:00+08:00", confirmedBy: ["seller"] };

describe("a pending joint withdrawal (R28)", () => {
  it("lapses WITHDRAWAL_LAPSE_DAYS after it was asked", () => {
    expect(WITHDRAWAL_LAPSE_DAYS).toBe(15);
    expect(pendingWithdrawal(asked, "2026-03-17T10:00:00+08:00")).toBe(asked);
    expect(pendingWithdrawal(asked, "2026-03-17T10:00:01+08:00")).toBeUndefined();
  });

  it("counts no agreement given before it lapsed", () => {
    const late = voteWithdrawal(asked, { applicants, by: ["buyer"] }, "2026-04-01T09:00:00+08:00");
    expect(late).toEqual({
      ok: true,
      value: { requestedBy: "buyer", requestedAt: "2026-04-01T09:00:00+08:00", confirmedBy: ["buyer"] },
    });
    const inTime = voteWithdrawal(asked, { applicants, by: ["buyer"] }, "2026-03-05T09:00:00+08:00");
    expect(inTime).toEqual({ ok: true, value: "all" });
  });

  it("is ended by any applicant, not by others, and only while pending", () => {
    const at = "2026-03-03T09:00:00+08:00";
    expect(cancelWithdrawal(asked, { applicants, by: ["seller"] }, at).ok).toBe(true);
    expect(cancelWithdrawal(asked, { applicants, by: ["buyer"] }, at).ok).toBe(true);
    const stranger = cancelWithdrawal(asked, { applicants, by: ["neighbour"] }, at);
    expect(!stranger.ok && stranger.error[0]?.code).toBe("CASE.WITHDRAW_NOT_AN_APPLICANT");
    const none = cancelWithdrawal(undefined, { applicants, by: ["seller"] }, at);
    expect(!none.ok && none.error[0]?.code).toBe("CASE.WITHDRAW_NONE_PENDING");
    const lapsed = cancelWithdrawal(asked, { applicants, by: ["seller"] }, "2026-04-01T09:00:00+08:00");
    expect(!lapsed.ok && lapsed.error[0]?.code).toBe("CASE.WITHDRAW_NONE_PENDING");
  });
});
