import { findBusinessType, findCombinedType } from "@yulin/domain";
import { afterAll, beforeAll, expect } from "vitest";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { closeEnv, type Given, given, type Http, http, uploadMaterials } from "./support";

/**
 * R1–R29 through the server: each scenario files a case over the HTTP API against a register
 * built with the register's own append, and shows the refused or allowed outcome with the
 * finding's rule id (the domain has the pure per-rule tests). The rules-*.test.ts files share
 * this harness; each file starts its own server and register.
 */
export let env: TestEnv;
export let api: Http;
export let g: Given;

/** Starts the file's server (once, before its tests) and closes it after them. */
export function startRulesServer() {
  beforeAll(async () => {
    env = await startTestEnv({ YULIN_PUBLIC_URL: "http://yulin.test" });
    api = http(env);
    g = given(env);
  });
  afterAll(async () => closeEnv(env));
}

export type Finding = {
  rule: string;
  code: string;
  severity: string;
  commitment: { recorded: boolean } | null;
};
export type PartSpec = { details?: Record<string, unknown>; parties: Array<Record<string, unknown>> };

export const STAFF = {
  acceptor: "chancheng.shouli",
  reviewer: "chancheng.shenhe",
  registrar: "chancheng.dengbu",
  issuer: "chancheng.fazheng",
};
export const codes = (findings: Finding[]) => findings.map((f) => f.code);
export const blocks = (findings: Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule && f.severity === "block");
export const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

const typesOf = (typeId: string) =>
  findBusinessType(typeId) ? [typeId] : (findCombinedType(typeId)?.parts.map((p) => p.typeId) ?? []);

/** Files a case: create, upload every material (but `skip`), confirm by each party's account, submit. */
export async function file(spec: {
  typeId: string;
  unitCode: string;
  by: string;
  parts: PartSpec[];
  confirm?: string[];
  skip?: string[];
  submit?: boolean;
}) {
  const created = await api.post(spec.by, "/api/cases", {
    typeId: spec.typeId,
    unitCode: spec.unitCode,
    parts: spec.parts,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, spec.by, id, typesOf(spec.typeId), spec.skip ?? []);
  const signers = spec.confirm ?? [
    ...new Set(
      spec.parts.flatMap((p) =>
        p.parties.filter((x) => x.role !== "agent" && x.role !== "helper").map((x) => x.account as string),
      ),
    ),
  ];
  for (const who of signers) {
    const r = await api.post(who, `/api/cases/${id}/confirm`);
    expect(r.status, `${who} confirms: ${JSON.stringify(r.body)}`).toBe(200);
  }
  if (spec.submit === false) return { id, findings: [] as Finding[], submitted: null };
  const submitted = await api.post(spec.by, `/api/cases/${id}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { id, findings: submitted.body.findings as Finding[], submitted: submitted.body };
}

export const sale = (
  unitCode: string,
  details: Record<string, unknown> = {},
  seller = "citizen.zhang",
  buyer = "citizen.li",
) => ({
  typeId: "transfer.sale",
  unitCode,
  by: buyer,
  parts: [
    {
      details: { coOwnership: "sole", ...details },
      parties: [
        { role: "right-holder", account: buyer },
        { role: "obligor", account: seller },
      ],
    },
  ],
});

export const mortgage = (
  unitCode: string,
  details: Record<string, unknown> = {},
  mortgagor = "citizen.zhang",
) => ({
  typeId: "mortgage.first.general",
  unitCode,
  by: "bank.gongshang",
  parts: [
    {
      details: { mortgage: { amount: 50_000_000, debtEnd: "2046-12-31" }, ...details },
      parties: [
        { role: "right-holder", account: "bank.gongshang" },
        { role: "obligor", account: mortgagor },
      ],
    },
  ],
});

export const seize = (unitCode: string, details: Record<string, unknown>) => ({
  typeId: "seizure.seize",
  unitCode,
  by: "court.chancheng",
  parts: [
    {
      details,
      parties: [
        { role: "instructing-authority", account: "court.chancheng" },
        { role: "obligor", account: "citizen.zhang" },
      ],
    },
  ],
});

export const act = (who: string, id: string, action: string, body: unknown = {}) =>
  api.post(who, `/api/cases/${id}/${action}`, body);
export const accept = (id: string) => act(STAFF.acceptor, id, "accept");
export const review = (id: string) => act(STAFF.reviewer, id, "review");
export const register = (id: string) => act(STAFF.registrar, id, "register");
export const findingsNow = async (id: string, stage = "submit") =>
  (await api.get(STAFF.reviewer, `/api/cases/${id}/findings?stage=${stage}`)).body.findings as Finding[];

let courtId: string;
export const court = async () => {
  courtId ??= await g.institutionId("court.chancheng");
  return courtId;
};
