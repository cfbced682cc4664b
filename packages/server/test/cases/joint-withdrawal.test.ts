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
});
