import { QUERENT_KINDS, QUERY_PURPOSES, QUERY_SCOPES, QUERY_SUBJECT_KINDS } from "@yulin/domain";
import { z } from "zod";

export const ZQueryApplication = z.object({
  querentKind: z.enum(QUERENT_KINDS).describe("查询人类别"),
  purpose: z.enum(QUERY_PURPOSES).describe("查询目的"),
  scope: z.enum(QUERY_SCOPES).describe("查询范围"),
  subject: z.object({
    kind: z.enum(QUERY_SUBJECT_KINDS),
    value: z
      .string()
      .max(200)
      .describe("单元号、证书号、坐落，或名下查询的身份证号/统一社会信用代码（本人: 留空）"),
  }),
  proof: z.array(z.string().max(300)).max(20).default([]).describe("证明材料（名称及编号）"),
});

const ZHolder = z.object({
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  share: z.string().nullable(),
});

export const ZQueryAnswer = z.object({
  unitCode: z.string(),
  address: z.string(),
  natural: z
    .object({
      buildingArea: z.number().nullable(),
      innerArea: z.number().nullable(),
      use: z.string().nullable(),
      structure: z.string().nullable(),
      floor: z.number().nullable(),
      roomLabel: z.string().nullable(),
    })
    .nullable(),
  flags: z
    .object({
      coOwned: z.boolean(),
      mortgaged: z.boolean(),
      advanceNotice: z.boolean(),
      objection: z.boolean(),
      seized: z.boolean(),
    })
    .nullable(),
  rights: z
    .array(
      z.object({
        rightType: z.string(),
        rightTypeName: z.string(),
        certificateNo: z.string().nullable(),
        coOwnership: z.string(),
        registeredAt: z.string(),
        holders: z.array(ZHolder),
      }),
    )
    .nullable(),
  restrictions: z
    .array(
      z.object({
        kind: z.string(),
        kindName: z.string(),
        status: z.string(),
        rank: z.number().nullable(),
        holderName: z.string(),
        amount: z.number().nullable(),
        documentNo: z.string().nullable(),
        startsOn: z.string().nullable(),
        endsOn: z.string().nullable(),
        registeredAt: z.string(),
      }),
    )
    .nullable(),
  history: z.array(z.object({ seq: z.number(), at: z.string(), title: z.string() })).nullable(),
  materials: z.array(z.object({ name: z.string(), caseId: z.string() })).nullable(),
});

export const ZQueryResult = z.object({
  number: z.string(),
  office: z.object({ code: z.string(), name: z.string() }),
  querent: z.object({ kind: z.enum(QUERENT_KINDS), name: z.string() }),
  purpose: z.enum(QUERY_PURPOSES),
  scope: z.enum(QUERY_SCOPES),
  subject: z.string(),
  answeredAt: z.string(),
  registerVersion: z.number(),
  answers: z.array(ZQueryAnswer),
});

export const ZApplyResponse = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(["answered", "pending"]),
  dueOn: z.string().nullable(),
  verifyToken: z.string().nullable(),
  result: ZQueryResult.nullable(),
});

export const ZMyQuery = z.object({
  id: z.string(),
  number: z.string(),
  querentKind: z.string(),
  purpose: z.string(),
  scope: z.string(),
  subjectKind: z.string(),
  subject: z.string(),
  status: z.enum(["answered", "pending", "refused"]),
  refusal: z.object({ message_zh: z.string(), message_en: z.string() }).passthrough().nullable(),
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const ZQueryOfMine = z.object({
  at: z.string(),
  querentKind: z.string(),
  querent: z.string(),
  channel: z.enum(["hall", "api"]),
  purpose: z.string().nullable(),
  scope: z.string(),
  unitCode: z.string().nullable(),
  outcome: z.string(),
});

export const ZPendingQuery = z.object({
  id: z.string(),
  number: z.string(),
  querentKind: z.string(),
  querentName: z.string(),
  purpose: z.string(),
  scope: z.string(),
  subject: z.string(),
  unitCodes: z.array(z.string()),
  proof: z.array(z.string()),
  dueOn: z.string().nullable(),
  createdAt: z.string(),
});

export const ZQueryVerification = z.object({
  genuine: z.boolean(),
  seal: z.enum(["valid", "invalid", "pending"]),
  number: z.string(),
  office: z.object({ code: z.string(), name: z.string() }),
  answeredAt: z.string(),
  querentKind: z.string(),
  purpose: z.string(),
  scope: z.string(),
  units: z.array(z.object({ unitCode: z.string(), address: z.string() })),
  registerVersionAtIssue: z.number(),
  registerVersionNow: z.number(),
  changedSinceIssue: z.boolean(),
  message_zh: z.string(),
  message_en: z.string(),
});
