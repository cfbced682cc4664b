import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCatalogue } from "../src/platform/errors";
import { deriveOperationId, OPERATION_VERBS } from "../src/platform/http/operation-ids";
import { startTestEnv, type TestEnv } from "./support/test-services";

// Rules every operation keeps, whoever adds it (issue 20): a new route is caught here.
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const METHODS = ["get", "put", "post", "delete", "patch"];
const CJK = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]{3}/;

// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON.
type Json = any;

let env: TestEnv;
let doc: Json;
const operations: { method: string; path: string; op: Json }[] = [];
beforeAll(async () => {
  env = await startTestEnv({}, { demo: false });
  doc = (await env.app.inject({ url: "/api/openapi.json" })).json();
  for (const [p, item] of Object.entries(doc.paths))
    for (const m of METHODS)
      if ((item as Json)[m]) operations.push({ method: m, path: p, op: (item as Json)[m] });
});
afterAll(async () => env?.close());

describe("the OpenAPI document", () => {
  it("names every operation with a unique, verb-first operationId", () => {
    expect(operations.length).toBeGreaterThan(100);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(OPERATION_VERBS.has(/^[a-z]+/.exec(id)?.[0] ?? ""), id).toBe(true);
  });

  it("gives every operation a summary and description in Chinese and English, and defined tags", () => {
    const defined = new Map(
      doc.tags.map((t: { name: string; description: string }) => [t.name, t.description]),
    );
    for (const { method, path: p, op } of operations) {
      const where = `${method} ${p}`;
      expect(CJK.test(op.summary) && LATIN.test(op.summary), `${where} summary`).toBe(true);
      expect(CJK.test(op.description) && LATIN.test(op.description), `${where} description`).toBe(true);
      expect(op.tags?.length, where).toBeGreaterThan(0);
      for (const tag of op.tags) expect(defined.get(tag), `${where} tag ${tag}`).toMatch(CJK);
      expect(op.security?.length, where).toBeGreaterThan(0);
    }
  });

  it("lists for every error answer the catalogue's codes of that status, each with its example", () => {
    const catalogue = new Map(errorCatalogue().map((c) => [c.code, c.status]));
    for (const { method, path: p, op } of operations)
      for (const [status, response] of Object.entries(op.responses))
        if (Number(status) >= 400) {
          const examples = (response as Json).content?.["application/json"]?.examples ?? {};
          for (const [code, example] of Object.entries(examples)) {
            expect(catalogue.get(code as never), `${method} ${p} ${code}`).toBe(Number(status));
            expect((example as Json).value.code).toBe(code);
          }
        }
    const submit = doc.paths["/api/cases/{id}/submit"].post;
    expect(Object.keys(submit.responses["409"].content["application/json"].examples)).toEqual(
      expect.arrayContaining(["IDEMPOTENCY.KEY_REUSED", "AUTH.TOKEN_NOT_LIVE"]),
    );
  });

  it("takes Idempotency-Key on the POSTs institutions send, and on no other", () => {
    const takes = (o: (typeof operations)[number]) =>
      (o.op.parameters ?? []).some((p: Json) => p.name === "Idempotency-Key");
    const byToken = (o: (typeof operations)[number]) => o.op.security.some((s: Json) => "bearer" in s);
    for (const o of operations)
      expect(takes(o), `${o.method} ${o.path}`).toBe(o.method === "post" && byToken(o));
    const createCase = operations.find((o) => o.path === "/api/cases" && o.method === "post");
    expect(createCase && takes(createCase)).toBe(true);
  });

  it("has servers, contact, security schemes and the banks' signed webhook", () => {
    expect(doc.servers[0].url).toMatch(/^https?:\/\//);
    expect(doc.info.contact.email).toContain("@");
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["session", "bearer"]);
    const hook = doc.webhooks.collateralEvent.post;
    expect(
      hook.requestBody.content["application/json"].schema.properties.data.properties.event.enum,
    ).toContain("mortgage-registered");
  });

  it("derives names from the path", () => {
    expect(deriveOperationId("get", "/api/cases")).toBe("listCases");
    expect(deriveOperationId("get", "/api/cases/{id}")).toBe("getCase");
    expect(deriveOperationId("post", "/api/cases")).toBe("createCase");
    expect(deriveOperationId("post", "/api/cases/{id}/submit")).toBe("submitCase");
    expect(deriveOperationId("post", "/api/v1/queries/{id}/decision")).toBe("createQueryDecision");
    expect(deriveOperationId("delete", "/api/institution/tokens/{id}")).toBe("deleteInstitutionToken");
  });

  it("passes Spectral's spectral:oas ruleset with no warning", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "yulin-oas-")), "openapi.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(
      process.execPath,
      [
        path.join(repoRoot, "node_modules/@stoplight/spectral-cli/dist/index.js"),
        "lint",
        file,
        "--ruleset",
        path.join(repoRoot, ".spectral.yaml"),
        "--fail-severity=warn",
      ],
      { encoding: "utf8" },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 300_000);
});
