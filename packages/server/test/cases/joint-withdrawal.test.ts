import { describe, expect, it } from "vitest";
import { accept, api, env, file, g, sale, startRulesServer } from "./rules-support";

/**
 * 撤回 of a joint application (issue 17): one party's request alone does not withdraw a sale the
 * buyer and the seller both signed; it is withdrawn once the other party agrees (R28).
 */
startRulesServer();

const row = (id: string) =>
  env.services.db
    .selectFrom("cases")
    .select(["stage", "state", "version", "closed_at"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();

describe("joint withdrawal", () => {
  it("needs the buyer and the seller: one party's request leaves the case going on", async () => {
    const flat = await g.flat();
    const filed = await file(sale(flat.unitCode));
    expect(filed.submitted!.stage).toBe("submitted");

    const asked = await api.post("citizen.li", `/api/cases/${filed.id}/withdraw`);
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.stage).toBe("submitted");
    expect(asked.body.withdrawal.confirmedBy).toHaveLength(1);
    expect(asked.body.withdrawal.awaiting).toHaveLength(1);
    const seen = await api.get("citizen.zhang", `/api/cases/${filed.id}`);
    expect(seen.body.withdrawal).toMatchObject({ agreedByYou: false, confirmedBy: [expect.any(String)] });
    const own = await api.get("citizen.li", `/api/cases/${filed.id}`);
    expect(own.body.withdrawal.agreedByYou).toBe(true);
    const pending = await row(filed.id);
    expect(pending.closed_at).toBeNull();

    // Bad input: a second vote by the same party, a stranger: 4xx with a stable code, nothing changed.
    const twice = await api.post("citizen.li", `/api/cases/${filed.id}/withdraw`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("CASE.WITHDRAW_ALREADY_CONFIRMED");
    expect(twice.body.message_zh).toMatch(/已同意撤回/);
    expect(twice.body.message_en).toMatch(/already agreed/);
    const stranger = await api.post("citizen.chen", `/api/cases/${filed.id}/withdraw`);
    expect(stranger.status).toBe(404);
    expect(await row(filed.id)).toEqual(pending);

    // The case goes on meanwhile: the office accepts it.
    expect((await accept(filed.id)).status).toBe(200);
    expect((await row(filed.id)).stage).toBe("accepted");

    const agreed = await api.post("citizen.zhang", `/api/cases/${filed.id}/withdraw`);
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body.stage).toBe("withdrawn");
    expect(agreed.body.withdrawal).toBeUndefined();
    const done = await row(filed.id);
    expect(done.stage).toBe("withdrawn");
    expect(done.closed_at).not.toBeNull();
    const shown = await api.get("citizen.li", `/api/cases/${filed.id}`);
    expect(shown.body.stage).toBe("withdrawn");
    expect(shown.body.withdrawal).toBeNull();
  });

  it("ends a pending withdrawal when the asker cancels or the other applicant declines", async () => {
    const flat = await g.flat();
    const filed = await file(sale(flat.unitCode));
    const none = await api.post("citizen.li", `/api/cases/${filed.id}/withdraw/cancel`);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe("CASE.WITHDRAW_NONE_PENDING");
    expect(none.body.message_zh).toMatch(/没有待确认的撤回/);

    expect((await api.post("citizen.li", `/api/cases/${filed.id}/withdraw`)).status).toBe(200);
    const before = await row(filed.id);
    const stranger = await api.post("citizen.chen", `/api/cases/${filed.id}/withdraw/cancel`);
    expect(stranger.status).toBe(404);
    expect(await row(filed.id)).toEqual(before);
    const offered = await api.get("citizen.li", `/api/cases/${filed.id}`);
    expect(offered.body.nextActions).toContain("withdraw-cancel");

    const cancelled = await api.post("citizen.li", `/api/cases/${filed.id}/withdraw/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.stage).toBe("submitted");
    expect((await api.get("citizen.zhang", `/api/cases/${filed.id}`)).body.withdrawal).toBeNull();
    // The other party's later request starts afresh: the cancelled agreement no longer counts.
    const fresh = await api.post("citizen.zhang", `/api/cases/${filed.id}/withdraw`);
    expect(fresh.body.stage).toBe("submitted");
    expect(fresh.body.withdrawal.confirmedBy).toHaveLength(1);

    // The buyer declines the seller's request.
    const declined = await api.post("citizen.li", `/api/cases/${filed.id}/withdraw/cancel`);
    expect(declined.status).toBe(200);
    expect((await row(filed.id)).stage).toBe("submitted");
    expect(JSON.parse(JSON.stringify((await row(filed.id)).state)).withdrawal).toBeUndefined();
  });

  it("lets a request lapse after WITHDRAWAL_LAPSE_DAYS: a late agreement starts a new request", async () => {
    const flat = await g.flat();
    const filed = await file(sale(flat.unitCode));
    expect((await api.post("citizen.li", `/api/cases/${filed.id}/withdraw`)).status).toBe(200);
    // Sixteen days pass (the request's time is moved back; the clock is the server's).
    const stored = await row(filed.id);
    const state = typeof stored.state === "string" ? JSON.parse(stored.state) : stored.state;
    const old = new Date(Date.now() - 16 * 86_400_000).toISOString();
    await env.services.db
      .updateTable("cases")
      .set({ state: JSON.stringify({ ...state, withdrawal: { ...state.withdrawal, requestedAt: old } }) })
      .where("id", "=", filed.id)
      .execute();
    expect((await api.get("citizen.zhang", `/api/cases/${filed.id}`)).body.withdrawal).toBeNull();
    const late = await api.post("citizen.zhang", `/api/cases/${filed.id}/withdraw`);
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect(late.body.stage).toBe("submitted");
    expect(late.body.withdrawal.confirmedBy).toHaveLength(1);
    expect(late.body.withdrawal.agreedByYou).toBe(true);
    const declined = await api.post("citizen.li", `/api/cases/${filed.id}/withdraw/cancel`);
    expect(declined.status).toBe(200);
  });
});
