import { describe, expect, it } from "vitest";
import {
  accept,
  act,
  api,
  blocks,
  codes,
  env,
  file,
  findingsNow,
  g,
  mortgage,
  of,
  register,
  review,
  STAFF,
  sale,
  startRulesServer,
} from "./rules-support";
import { clearTaxAndFees, uploadMaterials } from "./support";

/**
 * R20–R29, procedure: announcements, corrections, tax first, time limits, inheritance, terms,
 * withdrawal, reasons in writing.
 */
startRulesServer();

describe("R1–R29 through the server", () => {
  it("R20 announcement: a lost certificate's replacement is reviewed only after its 15-working-day loss notice", async () => {
    const flat = await g.flat();
    const filed = await file({
      typeId: "certificate.replace-lost",
      unitCode: flat.unitCode,
      by: "citizen.zhang",
      parts: [{ details: {}, parties: [{ role: "right-holder", account: "citizen.zhang" }] }],
    });
    expect(of(filed.findings, "R20").map((f) => [f.code, f.severity])).toEqual([
      ["R20.NOT_COMPLETE", "info"],
    ]);
    expect((await accept(filed.id)).status).toBe(200);
    const early = await review(filed.id);
    expect(early.status).toBe(409);
    expect(codes(early.body.details.findings)).toEqual(["R20.ANNOUNCE_FIRST"]);
    const started = await act(STAFF.reviewer, filed.id, "announcement/start");
    expect(started.body.stage).toBe("announcing");
    const running = await act(STAFF.reviewer, filed.id, "announcement/end");
    expect(running.status).toBe(409);
    expect(codes(running.body.details.findings)).toEqual(["R20.STILL_RUNNING"]);
    // Fifteen working days pass.
    const row = await env.services.db
      .selectFrom("cases")
      .select("state")
      .where("id", "=", filed.id)
      .executeTakeFirstOrThrow();
    const state = row.state as {
      announcement: { startedOn: string; endsOn: string };
      pauses: Array<{ from: string }>;
    };
    state.announcement = { ...state.announcement, startedOn: "2026-01-05", endsOn: "2026-01-26" };
    state.pauses = state.pauses.map((p) => ({ ...p, from: "2026-01-05" }));
    await env.services.db
      .updateTable("cases")
      .set({ state: JSON.stringify(state) })
      .where("id", "=", filed.id)
      .execute();
    expect((await act(STAFF.reviewer, filed.id, "announcement/end")).body.stage).toBe("accepted");
    const reviewed = await review(filed.id);
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(blocks(reviewed.body.findings, "R20")).toEqual([]);
  });

  it("R21 correction: refused when the unit was sold after the error; allowed for a later error", async () => {
    const flat = await g.flat({ registeredAt: new Date("2015-03-01T02:00:00Z") });
    await g.transferred(flat, "citizen.zhang", new Date("2020-05-01T02:00:00Z"));
    const correction = (errorRegisteredOn: string) => ({
      typeId: "correction.application",
      unitCode: flat.unitCode,
      by: "citizen.zhang",
      parts: [
        {
          details: { correction: { errorRegisteredOn } },
          parties: [{ role: "right-holder", account: "citizen.zhang" }],
        },
      ],
    });
    const refused = await file(correction("2016-01-01"));
    expect(codes(blocks(refused.findings, "R21"))).toEqual(["R21.DISPOSED_AFTER_ERROR"]);
    const allowed = await file(correction("2021-01-01"));
    expect(blocks(allowed.findings, "R21")).toEqual([]);
  });

  it("R22 tax first, R26 certificates follow rights: refused at commit until the tax bureau confirms; the old certificate is then void", async () => {
    const flat = await g.flat();
    const filed = await file(sale(flat.unitCode, { presentedCertificate: flat.certificateNo }));
    expect(of(filed.findings, "R22").map((f) => [f.code, f.severity])).toEqual([
      ["R22.DEED_TAX", "info"],
      ["R22.FEE", "info"],
    ]);
    expect(codes(of(filed.findings, "R26"))).toEqual(["R26.VOIDS_OLD"]);
    for (const step of [accept, review]) expect((await step(filed.id)).status).toBe(200);
    const refused = await register(filed.id);
    expect(refused.status).toBe(409);
    expect(codes(refused.body.details.findings)).toEqual(["R22.DEED_TAX"]);
    await clearTaxAndFees(env, api, {
      caseId: filed.id,
      unitCode: flat.unitCode,
      staff: STAFF.reviewer,
      buyer: "citizen.li",
      seller: "citizen.zhang",
    });
    const registered = await register(filed.id);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    // R26: the seller's old certificate no longer counts.
    const resale = await file(
      sale(flat.unitCode, { presentedCertificate: flat.certificateNo }, "citizen.li", "citizen.chen"),
    );
    expect(codes(blocks(resale.findings, "R26"))).toEqual(["R26.VOID_CERTIFICATE"]);
  });

  it("R23 time limits: the deadline counts working days from acceptance; an overdue case is listed for supervisors", async () => {
    const flat = await g.flat();
    const filed = await file(sale(flat.unitCode));
    expect((await accept(filed.id)).status).toBe(200);
    const view = await api.get(STAFF.reviewer, `/api/cases/${filed.id}`);
    expect(view.body.deadline).toMatchObject({ paused: false });
    expect(codes(of(await findingsNow(filed.id, "review"), "R23"))).toEqual(["R23.DEADLINE"]);
    // Accepted two months ago: past the statutory 30 working days.
    const row = await env.services.db
      .selectFrom("cases")
      .select("state")
      .where("id", "=", filed.id)
      .executeTakeFirstOrThrow();
    await env.services.db
      .updateTable("cases")
      .set({
        state: JSON.stringify({ ...(row.state as object), acceptedOn: "2026-08-03" }),
        deadline: "2026-08-06",
        statutory_deadline: "2026-09-14",
      })
      .where("id", "=", filed.id)
      .execute();
    expect(of(await findingsNow(filed.id, "review"), "R23").map((f) => [f.code, f.severity])).toEqual([
      ["R23.STATUTORY_OVERDUE", "warn"],
    ]);
    const overdue = await api.get("chancheng.ducha", "/api/supervision/cases/overdue");
    expect(overdue.status).toBe(200);
    expect(overdue.body.cases.map((c: { id: string }) => c.id)).toContain(filed.id);
    const city = await api.get("foshan.ducha", "/api/supervision/cases/overdue");
    expect(city.body.cases.map((c: { id: string }) => c.id)).toContain(filed.id);
    expect(
      (await api.get("beilin.ducha", "/api/supervision/cases/overdue")).body.cases.map(
        (c: { id: string }) => c.id,
      ),
    ).not.toContain(filed.id);
    expect((await api.get("citizen.li", "/api/supervision/cases/overdue")).status).toBe(404);
    const dueSoon = await api.get("chancheng.ducha", "/api/supervision/cases/due-soon?today=2026-08-05");
    expect(dueSoon.body.cases.map((c: { id: string }) => c.id)).toContain(filed.id);
  });

  it("R24 counting time: a date that is not a calendar date is refused", async () => {
    const flat = await g.flat();
    const filed = await file(
      mortgage(flat.unitCode, { mortgage: { amount: 1_000_000, debtEnd: "2030-02-30" } }),
    );
    expect(codes(blocks(filed.findings, "R24"))).toEqual(["R24.INVALID_DATE"]);
    expect(filed.submitted!.instant.route).toBe("human");
  });

  it("R25 inheritance: the proof of death is required; with the heirs' materials the case is accepted", async () => {
    const flat = await g.flat();
    const inheritance = (skip: string[]) =>
      file({
        typeId: "transfer.inheritance",
        unitCode: flat.unitCode,
        by: "citizen.li",
        skip,
        parts: [
          {
            details: { coOwnership: "sole" },
            parties: [{ role: "heir", account: "citizen.li", heirOrder: 1 }],
          },
        ],
      });
    const missing = await inheritance(["death-proof"]);
    expect(codes(blocks(missing.findings, "R25"))).toEqual(["R25.MATERIAL.death-proof"]);
    const complete = await inheritance([]);
    expect(blocks(complete.findings, "R25")).toEqual([]);
    expect((await accept(complete.id)).status).toBe(200);
  });

  it("R27 terms: an expired industrial right is refused; an expired residential one renews", async () => {
    const factory = await g.flat({ landUse: "0601", use: "21", termEnd: "2020-12-31" });
    const refused = await file(sale(factory.unitCode));
    expect(codes(blocks(refused.findings, "R27"))).toEqual(["R27.EXPIRED"]);
    const home = await g.flat({ termEnd: "2020-12-31" });
    const renewed = await file(sale(home.unitCode));
    expect(of(renewed.findings, "R27").map((f) => [f.code, f.severity])).toEqual([["R27.RENEWED", "info"]]);
  });

  it("R28 withdrawal: before registering the applicant withdraws; after registering it is refused", async () => {
    const flat = await g.flat();
    const pending = await file(sale(flat.unitCode));
    // A joint application: the buyer asks, the seller agrees (issue 17).
    const asked = await api.post("citizen.li", `/api/cases/${pending.id}/withdraw`);
    expect(asked.body.stage).toBe("submitted");
    const withdrawn = await api.post("citizen.zhang", `/api/cases/${pending.id}/withdraw`);
    expect(withdrawn.body.stage).toBe("withdrawn");
    const registered = await file(mortgage(flat.unitCode));
    expect(registered.submitted!.stage).toBe("certified");
    const late = await api.post("bank.gongshang", `/api/cases/${registered.id}/withdraw`);
    expect(late.status).toBe(409);
    expect(codes(late.body.details.findings)).toEqual(["R28.AFTER_RECORDING"]);
  });

  it("R29 reasons in writing: every missing item at once; non-acceptance needs reasons; correction stops the clock", async () => {
    const flat = await g.flat();
    const filed = await file({ ...sale(flat.unitCode), skip: ["sale-contract", "tax-proof"] });
    // The deed tax proof is due before registering, not at submit.
    expect(codes(blocks(filed.findings, "R29")).sort()).toEqual(["R29.MATERIAL.sale-contract"]);
    const noReasons = await act(STAFF.acceptor, filed.id, "not-accept", { reasons: [" "] });
    expect(noReasons.status).toBe(400);
    expect(codes(noReasons.body.details.findings)).toEqual(["R29.REASONS_REQUIRED"]);
    const correction = await act(STAFF.acceptor, filed.id, "request-correction", {
      items: ["补交网签买卖合同", "补交契税完税凭证"],
    });
    expect(correction.body.stage).toBe("correction");
    const view = await api.get("citizen.li", `/api/cases/${filed.id}`);
    expect(view.body.correctionItems).toEqual(["补交网签买卖合同", "补交契税完税凭证"]);
    await uploadMaterials(api, "citizen.li", filed.id, ["transfer.sale"]);
    const resubmitted = await api.post("citizen.li", `/api/cases/${filed.id}/submit`);
    expect(resubmitted.body.stage).toBe("submitted");
    expect(blocks(resubmitted.body.findings, "R29")).toEqual([]);
    const other = await file({ ...sale(flat.unitCode), skip: ["sale-contract"] });
    const notAccepted = await act(STAFF.acceptor, other.id, "not-accept", {
      reasons: ["缺少网签买卖合同，且申请人拒绝补正"],
    });
    expect(notAccepted.body.stage).toBe("not-accepted");
    const timeline = await api.get("citizen.li", `/api/cases/${other.id}/timeline`);
    expect(timeline.body.entries.at(-1)).toMatchObject({
      to: "not-accepted",
      reasons: ["缺少网签买卖合同，且申请人拒绝补正"],
      office: "440604",
    });
  });
});
