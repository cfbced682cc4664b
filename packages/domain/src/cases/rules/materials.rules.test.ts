import { describe, expect, it } from "vitest";
import type { DraftMaterial } from "../case-draft";
import { blocksOf, ctx, draft, ofRule, party, unit } from "../testing/given";
import { evaluateRules } from "./rule-engine";

const upload = (...ids: DraftMaterial["id"][]): DraftMaterial[] =>
  ids.map((id) => ({ id, source: "upload" }));

describe("R25 inheritance", () => {
  const base = upload("application-form", "applicant-identity", "title-certificate", "tax-proof");

  it("refuses an inheritance without the death proof and proof of kinship (R25)", () => {
    const findings = evaluateRules(
      draft("transfer.inheritance", { materials: [...base, ...upload("will")] }),
      unit(),
      ctx(),
    );
    expect(blocksOf(findings, "R25").map((f) => f.code)).toEqual([
      "R25.MATERIAL.death-proof",
      "R25.MATERIAL.kinship-proof",
    ]);
  });

  it("allows the heirs' agreement instead of a will and needs no notarisation (R25)", () => {
    const materials = [...base, ...upload("death-proof", "heirs-agreement", "kinship-proof")];
    expect(
      blocksOf(evaluateRules(draft("transfer.inheritance", { materials }), unit(), ctx()), "R25"),
    ).toEqual([]);
  });

  it("accepts a kinship commitment only where the office allows commitments (R25)", () => {
    const materials: DraftMaterial[] = [
      ...base,
      ...upload("death-proof", "will"),
      { id: "kinship-proof", source: "commitment" },
    ];
    const inherit = draft("transfer.inheritance", { materials });
    expect(blocksOf(evaluateRules(inherit, unit(), ctx()), "R25")[0]?.message_en).toContain(
      "does not accept a commitment",
    );
    const allowing = ctx({ office: { code: "440106", allowsCommitments: true } });
    expect(blocksOf(evaluateRules(inherit, unit(), allowing), "R25")).toEqual([]);
  });

  it("requires the estate administrator's declaration, and lets second-order heirs stay away (R25)", () => {
    const materials = [...base, ...upload("death-proof", "will", "kinship-proof")];
    const parties = [
      party("heir-1", "heir", { heirOrder: 1, signed: false }),
      party("brother", "heir", { heirOrder: 2, signed: false }),
      party("executor", "estate-administrator"),
    ];
    const findings = evaluateRules(draft("transfer.inheritance", { materials, parties }), unit(), ctx());
    expect(blocksOf(findings, "R25").map((f) => f.code)).toEqual(["R25.MATERIAL.administrator-declaration"]);
    expect(ofRule(findings, "R25").map((f) => f.code)).toContain("R25.SECOND_ORDER");
    expect(blocksOf(findings, "R4")).toEqual([]);
  });
});

describe("R29 everything missing at once", () => {
  it("lists every missing material and party in one go, and nothing when complete (R29)", () => {
    const bare = draft("transfer.sale", {
      materials: upload("application-form"),
      parties: [party("buyer", "right-holder"), party("agent", "agent", { actsFor: "buyer" })],
    });
    const codes = blocksOf(evaluateRules(bare, unit(), ctx()), "R29").map((f) => f.code);
    expect(codes).toEqual([
      "R29.MATERIAL.applicant-identity",
      "R29.MATERIAL.power-of-attorney",
      "R29.MATERIAL.title-certificate",
      "R29.MATERIAL.sale-contract",
      "R29.PARTY.obligor",
    ]);
    expect(blocksOf(evaluateRules(draft("transfer.sale"), unit(), ctx()), "R29")).toEqual([]);
  });

  it("asks for the deed tax proof before registering, not at submit, and takes the tax office's confirmation as it (R29)", () => {
    const noProof = draft("transfer.sale", {
      materials: draft("transfer.sale").materials.filter((m) => m.id !== "tax-proof"),
      taxCleared: false,
    });
    const codes = (d: typeof noProof, stage: "submit" | "register") =>
      blocksOf(evaluateRules(d, unit(), ctx({ stage })), "R29").map((f) => f.code);
    expect(codes(noProof, "submit")).toEqual([]);
    expect(codes(noProof, "register")).toEqual(["R29.MATERIAL.tax-proof"]);
    expect(codes({ ...noProof, taxCleared: true }, "register")).toEqual([]);
  });

  it("refuses an e-licence reference for a material no department issues (R29)", () => {
    const materials: DraftMaterial[] = draft("transfer.gift").materials.map((m) =>
      m.id === "gift-contract" ? { id: m.id, source: "e-licence" } : m,
    );
    expect(
      blocksOf(evaluateRules(draft("transfer.gift", { materials }), unit(), ctx()), "R29")[0]?.code,
    ).toBe("R29.MATERIAL.gift-contract");
  });
});
