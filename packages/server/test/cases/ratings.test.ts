import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { closeEnv, type Given, given, type Http, http, uploadMaterials } from "./support";

let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

/** A bank's mortgage on citizen.zhang's flat, confirmed by the borrower; submitted = registered at once. */
async function mortgageCase(submit: boolean) {
  const flat = await g.flat({ holders: ["citizen.zhang"] });
  const created = await api.post("bank.gongshang", "/api/cases", {
    typeId: "mortgage.first.general",
    unitCode: flat.unitCode,
    parts: [
      {
        details: { mortgage: { amount: 50_000_000, debtEnd: "2046-11-30" }, documentNo: "工银抵2026-088" },
        parties: [
          { role: "right-holder", account: "bank.gongshang" },
          { role: "obligor", account: "citizen.zhang" },
        ],
      },
    ],
    confirm: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, "bank.gongshang", id, ["mortgage.first.general"]);
  expect((await api.post("citizen.zhang", `/api/cases/${id}/confirm`)).status).toBe(200);
  if (submit) {
    const submitted = await api.post("bank.gongshang", `/api/cases/${id}/submit`);
    expect(submitted.body.stage, JSON.stringify(submitted.body)).toBe("certified");
  }
  return id;
}

describe("好差评 (rating a finished case)", () => {
  it("lets each applicant-side account rate a finished case once, and shows supervisors the bad ratings", async () => {
    const id = await mortgageCase(true);

    expect((await api.get("citizen.zhang", `/api/cases/${id}/rating`)).body).toEqual({ rating: null });
    const rated = await api.post("citizen.zhang", `/api/cases/${id}/rating`, {
      score: 2,
      comment: "  窗口解释不清楚  ",
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body.rating).toMatchObject({ score: 2, comment: "窗口解释不清楚" });
    expect((await api.get("citizen.zhang", `/api/cases/${id}/rating`)).body.rating.score).toBe(2);

    const again = await api.post("citizen.zhang", `/api/cases/${id}/rating`, { score: 5, comment: "" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CASE.ALREADY_RATED");

    expect((await api.post("bank.gongshang", `/api/cases/${id}/rating`, { score: 5 })).status).toBe(200);

    const stats = await api.get("foshan.ducha", "/api/supervision/ratings");
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    const office = stats.body.offices.find((o: { office: string }) => o.office === id.slice(0, 6));
    expect(office).toMatchObject({ count: 2, average: 3.5, bad: 1 });
    expect(stats.body.bad).toEqual([
      expect.objectContaining({
        caseId: id,
        score: 2,
        comment: "窗口解释不清楚",
        typeId: "mortgage.first.general",
      }),
    ]);

    const rows = await env.services.db
      .selectFrom("case_ratings")
      .selectAll()
      .where("case_id", "=", id)
      .execute();
    expect(rows).toHaveLength(2);
  });

  it("refuses outsiders, unfinished cases, bad scores and non-supervisors, changing nothing", async () => {
    const open = await mortgageCase(false);
    const notYet = await api.post("citizen.zhang", `/api/cases/${open}/rating`, { score: 4 });
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe("CASE.NOT_FINISHED");

    const done = await mortgageCase(true);
    const outsider = await api.post("citizen.li", `/api/cases/${done}/rating`, { score: 1 });
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe("CASE.NOT_FOUND");

    for (const body of [{ score: 0 }, { score: 6 }, { score: 4.5 }, { score: "5" }, { score: 3, extra: 1 }]) {
      const bad = await api.post("citizen.zhang", `/api/cases/${done}/rating`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.message_zh).toBeTruthy();
    }
    expect(
      (await api.post("citizen.zhang", `/api/cases/${done}/rating`, { score: 3, comment: "x".repeat(501) }))
        .status,
    ).toBe(400);

    const counter = await api.get("chancheng.shouli", "/api/supervision/ratings");
    expect(counter.status).toBe(404);
    expect(counter.body.code).toBe("AUTH.FORBIDDEN");
    const rows = await env.services.db
      .selectFrom("case_ratings")
      .selectAll()
      .where("case_id", "in", [open, done])
      .execute();
    expect(rows).toHaveLength(0);
  });
});
