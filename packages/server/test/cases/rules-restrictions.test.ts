import { describe, expect, it } from "vitest";
import {
  accept,
  api,
  blocks,
  codes,
  court,
  env,
  file,
  findingsNow,
  g,
  of,
  sale,
  seize,
  startRulesServer,
} from "./rules-support";

/**
 * R7–R12, restrictions on disposal: seizures and waiting seizures, advance notices, objections.
 */
startRulesServer();

describe("R1–R29 through the server", () => {
  it("R7 seizure blocks disposal: a sale of a seized flat is refused; the mortgagee's cancellation is still registered", async () => {
    const flat = await g.flat();
    const m = await g.mortgage(flat.unitCode);
    await g.seizure(flat.unitCode);
    const refused = await file(sale(flat.unitCode));
    expect(codes(blocks(refused.findings, "R7"))).toEqual(["R7.UNIT_SEIZED"]);
    const cancel = await file({
      typeId: "mortgage.cancel",
      unitCode: flat.unitCode,
      by: "bank.gongshang",
      parts: [
        {
          details: { mortgage: { targetMortgageId: m } },
          parties: [{ role: "right-holder", account: "bank.gongshang" }],
        },
      ],
    });
    expect(of(cancel.findings, "R7")).toEqual([]);
    expect(cancel.submitted!.stage).toBe("registered");
  });

  it("R8 waiting seizures: a second court's seizure waits and takes effect when the first is released (the mortgagee is told)", async () => {
    const flat = await g.flat();
    await g.mortgage(flat.unitCode);
    const first = await g.seizure(flat.unitCode, { deliveredAt: "2026-01-01T09:00:00+08:00" });
    const second = await file(
      seize(flat.unitCode, {
        seizure: {
          court: await court(),
          deliveredAt: "2026-11-01T10:00:00+08:00",
          periodStart: "2026-11-01",
          periodEnd: "2029-10-31",
        },
      }),
    );
    expect(codes(of(second.findings, "R8"))).toEqual(["R8.WILL_WAIT"]);
    expect(second.submitted!.stage).toBe("registered");
    const waiting = String(second.submitted!.entries[0]);
    const status = async (seq: string) =>
      (
        await env.services.db
          .selectFrom("encumbrances")
          .select("status")
          .where("seq", "=", Number(seq))
          .executeTakeFirstOrThrow()
      ).status;
    expect(await status(waiting)).toBe("waiting");
    const release = await file({
      typeId: "seizure.release",
      unitCode: flat.unitCode,
      by: "court.chancheng",
      parts: [
        {
          details: {
            seizure: {
              court: await court(),
              deliveredAt: "2026-11-20T10:00:00+08:00",
              periodStart: "2026-01-01",
              periodEnd: "2028-12-31",
              targetSeizureId: first,
            },
          },
          parties: [{ role: "instructing-authority", account: "court.chancheng" }],
        },
      ],
    });
    expect(codes(of(release.findings, "R8"))).toEqual(["R8.NEXT_TAKES_EFFECT"]);
    expect(release.submitted!.stage).toBe("registered");
    expect([await status(first), await status(waiting)]).toEqual(["historic", "effective"]);
    const told = await env.services.db
      .selectFrom("outbox")
      .select("idempotency_key")
      .where("topic", "=", "bank.collateral-event")
      .where("idempotency_key", "like", `%${release.id}:0:collateral-seized`)
      .execute();
    expect(told).toHaveLength(1);
  });

  it("R9 seizure period: more than three years is refused (to a reviewer); three years is registered at once", async () => {
    const flat = await g.flat();
    const long = await file(
      seize(flat.unitCode, {
        seizure: {
          court: await court(),
          deliveredAt: "2026-11-01T10:00:00+08:00",
          periodStart: "2026-11-01",
          periodEnd: "2030-11-02",
        },
      }),
    );
    expect(codes(blocks(long.findings, "R9"))).toEqual(["R9.PERIOD_TOO_LONG"]);
    expect(long.submitted!.instant.route).toBe("human");
    const ok = await file(
      seize(flat.unitCode, {
        seizure: {
          court: await court(),
          deliveredAt: "2026-11-01T10:00:00+08:00",
          periodStart: "2026-11-01",
          periodEnd: "2029-10-31",
        },
      }),
    );
    expect(blocks(ok.findings, "R9")).toEqual([]);
    expect(ok.submitted!.stage).toBe("registered");
  });

  it("R10 advance notice: a sale without the notice holder's written consent is refused; with it, allowed", async () => {
    const flat = await g.flat();
    const notice = await g.advanceNotice(flat.unitCode, { holder: "citizen.li" });
    const filed = await file(sale(flat.unitCode, {}, "citizen.zhang", "citizen.chen"));
    expect(codes(blocks(filed.findings, "R10"))).toEqual(["R10.NO_CONSENT"]);
    expect(
      (
        await api.post("citizen.li", `/api/cases/${filed.id}/consents`, {
          kind: "advance-notice-holder",
          refId: notice,
        })
      ).status,
    ).toBe(200);
    expect(blocks(await findingsNow(filed.id), "R10")).toEqual([]);
    expect((await accept(filed.id)).status).toBe(200);
  });

  it("R11 advance notice lapse and conversion: converting a notice that does not exist is refused; a new notice says when it lapses", async () => {
    const flat = await g.flat();
    const convert = await file(sale(flat.unitCode, { fromAdvanceNoticeId: "999999" }));
    expect(codes(blocks(convert.findings, "R11"))).toEqual(["R11.NOT_VALID"]);
    const notice = await file({
      typeId: "advance-notice.sale",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [
        {
          details: {},
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    expect(codes(of(notice.findings, "R11"))).toEqual(["R11.LAPSES"]);
    expect(notice.submitted!.stage).toBe("certified");
  });

  it("R12 objection: a sale waits for the buyer's signed risk statement, then proceeds", async () => {
    const flat = await g.flat();
    const objection = await g.objection(flat.unitCode, { by: "citizen.chen" });
    const filed = await file(sale(flat.unitCode));
    const r12 = of(filed.findings, "R12");
    expect(r12.map((f) => [f.code, f.severity, f.commitment?.recorded])).toEqual([
      ["R12.OBJECTION_EXISTS", "warn", false],
    ]);
    const refused = await accept(filed.id);
    expect(refused.status).toBe(409);
    expect(codes(refused.body.details.findings)).toEqual(["R12.OBJECTION_EXISTS"]);
    expect(
      (await api.post("citizen.li", `/api/cases/${filed.id}/risk-statements`, { objectionId: objection }))
        .status,
    ).toBe(200);
    const accepted = await accept(filed.id);
    expect(accepted.status).toBe(200);
    expect(of(accepted.body.findings, "R12")[0]!.commitment!.recorded).toBe(true);
  });
});
