import { describe, expect, it } from "vitest";
import { blocksOf, CERTIFICATE, ctx, draft, ofRule, right, unit } from "../testing/given";
import { evaluateRules } from "./rule-engine";

describe("R26 certificates follow rights", () => {
  it("refuses a replacement on a certificate that was already voided (R26)", () => {
    const state = unit({ voidedCertificates: ["粤（2018）广州市不动产权第0000001号"] });
    const replace = draft("certificate.replace-lost", {
      presentedCertificate: "粤（2018）广州市不动产权第0000001号",
    });
    expect(blocksOf(evaluateRules(replace, state, ctx()), "R26")[0]?.code).toBe("R26.VOID_CERTIFICATE");
  });

  it("says the sale voids the old certificate, and a replacement is marked 补发 (R26)", () => {
    const sale = evaluateRules(draft("transfer.sale", { presentedCertificate: CERTIFICATE }), unit(), ctx());
    expect(ofRule(sale, "R26").map((f) => [f.code, f.severity])).toEqual([["R26.VOIDS_OLD", "info"]]);
    const replace = evaluateRules(draft("certificate.replace-lost"), unit(), ctx());
    expect(ofRule(replace, "R26")[0]?.message_zh).toContain("补发");
  });
});

describe("R27 terms", () => {
  it("refuses a sale of an industrial use right whose term has ended (R27)", () => {
    const state = unit({
      use: "non-residential",
      rights: [right({ landUse: "industrial", termEnd: "2025-06-09" })],
    });
    expect(blocksOf(evaluateRules(draft("transfer.sale"), state, ctx()), "R27")[0]?.code).toBe("R27.EXPIRED");
  });

  it("allows a sale of a home whose residential land term ended: it renews automatically (R27)", () => {
    const state = unit({ rights: [right({ landUse: "residential", termEnd: "2025-06-09" })] });
    const findings = evaluateRules(draft("transfer.sale"), state, ctx());
    expect(blocksOf(findings, "R27")).toEqual([]);
    expect(ofRule(findings, "R27")[0]?.basis).toBe("民法典 第359条");
  });

  it("refuses a commercial grant longer than 40 years (R27)", () => {
    const land = unit({ unitCode: "440106005003GB00099W00000000", firstRegistered: false, rights: [] });
    const grant = (termEnd: string) =>
      draft("first.land.state-construction", { termEnd, landUse: "commercial" });
    expect(blocksOf(evaluateRules(grant("2065-06-11"), land, ctx()), "R27")[0]?.code).toBe(
      "R27.TERM_TOO_LONG",
    );
    expect(blocksOf(evaluateRules(grant("2065-06-10"), land, ctx()), "R27")).toEqual([]);
  });
});
