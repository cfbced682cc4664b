import { describe, expect, it } from "vitest";
import {
  accept,
  api,
  blocks,
  codes,
  file,
  g,
  mortgage,
  of,
  register,
  review,
  sale,
  startRulesServer,
} from "./rules-support";

/**
 * R1–R6, who may dispose: the register decides, first registration first, house and land together,
 * who applies, the current holder, co-owners.
 */
startRulesServer();

describe("R1–R29 through the server", () => {
  it("R1 the register decides: a certificate that differs from the register is refused; the registered one is accepted", async () => {
    const flat = await g.flat();
    const wrong = await file(
      sale(flat.unitCode, { presentedCertificate: "粤（2019）佛山市不动产权第0000001号" }),
    );
    expect(codes(blocks(wrong.findings, "R1"))).toEqual(["R1.CERTIFICATE_MISMATCH"]);
    const refused = await accept(wrong.id);
    expect(refused.status).toBe(409);
    expect(codes(refused.body.details.findings)).toContain("R1.CERTIFICATE_MISMATCH");
    const right = await file(sale(flat.unitCode, { presentedCertificate: flat.certificateNo }));
    expect(of(right.findings, "R1")).toEqual([]);
    expect((await accept(right.id)).status).toBe(200);
  });

  it("R2 first registration first: a mortgage on an unregistered flat is refused; its first registration is registered", async () => {
    const flat = await g.flat({ registered: false, landHolders: ["citizen.zhang"] });
    const refused = await file(mortgage(flat.unitCode));
    expect(codes(blocks(refused.findings, "R2"))).toEqual(["R2.NO_FIRST_REGISTRATION"]);
    expect(refused.submitted!.instant.route).toBe("human");
    const first = await file({
      typeId: "first.house.state-land",
      unitCode: flat.unitCode,
      by: "citizen.zhang",
      parts: [
        {
          details: {
            right: {
              rightType: "4",
              nature: "102",
              use: "0701",
              area: 98.5,
              termStart: "2000-01-01",
              termEnd: "2069-12-31",
            },
          },
          parties: [{ role: "right-holder", account: "citizen.zhang" }],
        },
      ],
    });
    expect(blocks(first.findings, "R2")).toEqual([]);
    expect((await accept(first.id)).status).toBe(200);
    expect((await review(first.id)).status).toBe(200);
    const registered = await register(first.id);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body.certificates[0].kind).toBe("certificate");
    const again = await file(mortgage(flat.unitCode));
    expect(blocks(again.findings, "R2")).toEqual([]);
    expect(again.submitted!.stage).toBe("certified");
  });

  it("R3 house and land together: selling the house without its land is refused, as is a house to another holder than the land's", async () => {
    const flat = await g.flat();
    const split = await file(sale(flat.unitCode, { scope: "house-only" }));
    expect(codes(blocks(split.findings, "R3"))).toEqual(["R3.SPLITS_HOUSE_AND_LAND"]);
    const unregistered = await g.flat({ registered: false, landHolders: ["citizen.zhang"] });
    const other = await file({
      typeId: "first.house.state-land",
      unitCode: unregistered.unitCode,
      by: "citizen.li",
      parts: [
        {
          details: { right: { rightType: "4" } },
          parties: [{ role: "right-holder", account: "citizen.li" }],
        },
      ],
    });
    expect(codes(blocks(other.findings, "R3"))).toEqual(["R3.HOLDER_SPLIT"]);
    const together = await file(sale(flat.unitCode, { scope: "house-and-land" }));
    expect(blocks(together.findings, "R3")).toEqual([]);
  });

  it("R4 who applies: a transfer the seller has not confirmed is not accepted until the seller signs", async () => {
    const flat = await g.flat();
    const filed = await file({ ...sale(flat.unitCode), confirm: ["citizen.li"] });
    expect(codes(blocks(filed.findings, "R4"))).toEqual(["R4.UNSIGNED_OBLIGOR"]);
    expect((await accept(filed.id)).status).toBe(409);
    expect((await api.post("citizen.zhang", `/api/cases/${filed.id}/confirm`)).status).toBe(200);
    const accepted = await accept(filed.id);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(blocks(accepted.body.findings, "R4")).toEqual([]);
  });

  it("R5 current holder only: someone who is not the registered holder cannot sell", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const filed = await file(sale(flat.unitCode, {}, "citizen.chen"));
    expect(codes(blocks(filed.findings, "R5"))).toEqual(["R5.NOT_THE_HOLDER"]);
    const holder = await file(sale(flat.unitCode));
    expect(blocks(holder.findings, "R5")).toEqual([]);
  });

  it("R6 co-owners: joint property is sold only with every owner", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang", "citizen.chen"], coOwnership: "1" });
    const one = await file(sale(flat.unitCode));
    expect(codes(blocks(one.findings, "R6"))).toEqual(["R6.ALL_OWNERS"]);
    const both = await file({
      ...sale(flat.unitCode),
      parts: [
        {
          details: { coOwnership: "sole" },
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "citizen.zhang" },
            { role: "obligor", account: "citizen.chen" },
          ],
        },
      ],
    });
    expect(blocks(both.findings, "R6")).toEqual([]);
  });
});
