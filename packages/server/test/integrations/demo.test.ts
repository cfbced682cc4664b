import { generateResidentId } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CITIZENS } from "../../src/demo/demo-data";
import {
  DEMO_CONTRACT_NO,
  DEMO_UNIT,
  seedIntegrationsDemo,
} from "../../src/integrations/demo/integrations.demo";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";
import { contextAs, saleDeclaration } from "./support/fixtures";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
  await seedIntegrationsDemo(env.services);
});
afterAll(() => env.close());

const idOf = (username: string) => {
  const c = DEMO_CITIZENS.find((x) => x.username === username)!;
  return {
    name: c.displayName,
    idNumber: generateResidentId({ county: c.county, birthDate: c.birthDate, sequence: c.sequence }),
  };
};

describe("demo departments (零材料 in the demo)", () => {
  it("lets a citizen fetch their own ID card from the e-licence library, and nobody else's", async () => {
    const cookie = await loginAs(env.app, "citizen.zhang");
    const own = await env.app.inject({
      method: "POST",
      url: "/api/integrations/elicence/fetch",
      headers: { cookie },
      payload: { type: "id-card", holderNumber: idOf("citizen.zhang").idNumber, consent: { kind: "self" } },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ type: "id-card", holderName: "张伟", source: "elicence:simulator" });
    expect(own.json().holderNumber).toContain("*");
    const other = await env.app.inject({
      method: "POST",
      url: "/api/integrations/elicence/fetch",
      headers: { cookie },
      payload: { type: "id-card", holderNumber: idOf("citizen.li").idNumber, consent: { kind: "self" } },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe("LICENCE.CONSENT_REQUIRED");
  });

  it("finds the demo online contract consistent with a matching application", async () => {
    const cookie = await loginAs(env.app, "chancheng.shenhe");
    const res = await env.app.inject({
      method: "POST",
      url: "/api/integrations/housing/contract-checks",
      headers: { cookie },
      payload: {
        caseRef: "DEMO-CASE-1",
        jurisdiction: "440604",
        contractNo: DEMO_CONTRACT_NO,
        application: {
          unitCode: DEMO_UNIT,
          priceFen: 200_000_000,
          areaSqm: 98.5,
          buyers: [idOf("citizen.zhang")],
          sellers: [idOf("citizen.li")],
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().findings).toEqual([]);
    expect(res.json().eligibility[0]).toMatchObject({ eligible: true });
  });

  it("counts 陈静's home in Foshan, so her purchase is a second home", async () => {
    const ctx = await contextAs(env.services, "chancheng.shouli");
    const summary = await env.services.integrations.tax.declareTax(
      ctx,
      saleDeclaration({ buyers: [idOf("citizen.chen")] }),
    );
    expect(summary.homesBefore).toBe(1);
  });
});
