import type { SwaggerOptions } from "@fastify/swagger";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { scopeNeeded } from "../identity/api-token-scopes";
import { type Audience, finishDocument } from "../platform/http/openapi-finish";
import { API_VERSION, VERSIONING_POLICY } from "../platform/http/versioning";
import { WEBHOOKS } from "./openapi-webhooks";

/**
 * The API's document: what it is, for whom, how it versions, and one tag per capability. Every
 * operation is finished by platform/http/openapi-finish.ts; a new tag must be described here
 * (the Spectral lint in `npm run lint:api` and packages/server/test/openapi-document.test.ts fail
 * otherwise).
 */
export const TAGS: { name: string; description: string; errorPrefixes: string[] }[] = [
  {
    name: "identity 身份与权限",
    description:
      "登录、当前账户、登记机构、机构 API 令牌的签发与轮换。 Login, the current account, offices and institutions' API tokens.",
    errorPrefixes: ["ACCOUNT.", "OFFICE.", "SIGNUP."],
  },
  {
    name: "identity 账户",
    description:
      "本机构工作人员账户的管理（管理员）。 Staff accounts of an office, managed by its administrators.",
    errorPrefixes: ["ACCOUNT.", "OFFICE."],
  },
  {
    name: "calendar 工作日历",
    description:
      "节假日安排与按工作日计算的法定时限。 Holiday schedules and legal time limits in working days.",
    errorPrefixes: ["CALENDAR."],
  },
  {
    name: "cases 案件",
    description:
      "登记申请的全过程：申请、签名、材料、提交、受理、审核、登簿、缮证、发证。 A registration case from application to certificate.",
    errorPrefixes: ["CASE.", "REGISTER.", "LICENCE.", "INTEGRATION.", "CONNECTOR."],
  },
  {
    name: "certificates 证书",
    description:
      "电子证书与证明：查看、下载、核验、补换发、打证与寄递。 E-certificates: view, download, verify, replace, print and deliver.",
    errorPrefixes: ["CERTIFICATE.", "REGISTER."],
  },
  {
    name: "register 登记簿",
    description:
      "不动产登记簿：单元、宗地、楼盘表、抵押物与查封清单、地籍入库。 The register: units, parcels, buildings, held restrictions, cadastral records.",
    errorPrefixes: ["REGISTER."],
  },
  {
    name: "ledger 登记簿存证",
    description:
      "登记簿的哈希链与默克尔树：签名树根、包含与一致性证明。 The register's ledger: signed tree heads, inclusion and consistency proofs.",
    errorPrefixes: ["REGISTER."],
  },
  {
    name: "queries 查询",
    description:
      "登记资料查询：申请、审核、结果证明及其核验、查询留痕。 Register queries: applications, decisions, certified results, who queried.",
    errorPrefixes: ["QUERY.", "REGISTER."],
  },
  {
    name: "integrations 部门协同",
    description:
      "部门协同：税务、缴费、住建网签、电子证照、银行回调与接口运维。 Departments: tax, payment, housing contracts, e-licences, callbacks, operations.",
    errorPrefixes: [
      "INTEGRATION.",
      "CONNECTOR.",
      "OUTBOX.",
      "TAX.",
      "PAYMENT.",
      "FEE.",
      "LICENCE.",
      "CASE.",
      "UTILITY.",
      "NATIONAL.",
      "NOTARY.",
    ],
  },
  {
    name: "projects 开发企业项目",
    description:
      "开发企业项目：楼盘表导入、整幢首次登记、预售预告（双预告）批量申请、预转本、在建建筑物抵押。 Developer projects: building tables, first registration, presale notices, conversion.",
    errorPrefixes: ["PROJECT.", "CASE.", "REGISTER."],
  },
  {
    name: "supervision 监管",
    description:
      "监管：廉防预警与跟进、预警阈值、一屏智判统计、投诉处理。 Supervision: integrity alerts and follow-up, thresholds, dashboards, complaints.",
    errorPrefixes: ["SUPERVISION.", "DASHBOARD.", "COMPLAINT."],
  },
  {
    name: "public 公开",
    description:
      "无需登录的公开信息：登记统计、投诉提交与查询。 Public, no login: registry statistics, complaints and their answers.",
    errorPrefixes: ["COMPLAINT.", "DASHBOARD."],
  },
  {
    name: "compensation 赔偿",
    description:
      "登记错误赔偿：申请、审查（民法典第222条、条例第29条）、决定与支付。 Compensation for losses caused by registry errors.",
    errorPrefixes: ["COMPENSATION."],
  },
  {
    name: "archive 电子档案",
    description:
      "电子档案：归档包、四性检测、移交与签收、借阅与归还、鉴定销毁、纸质档案导入。 Electronic archive: packages, four-properties check, lending, legacy import.",
    errorPrefixes: ["ARCHIVE."],
  },
];

/** Operations anyone may call (their routes do not authenticate). */
const PUBLIC = [
  /^\/api\/auth\/login$/,
  /^\/api\/offices$/,
  /^\/api\/calendar\/(holidays|deadline|status)$/,
  /^\/api\/certificates\/(verify\/|seal-public-key)/,
  /^\/api\/queries\/verify\//,
  /^\/api\/register\/ledger\/(head|heads|proofs\/|seal-key)/,
  /^\/api\/integrations\/platform-key$/,
  /^\/api\/fees\/quote$/,
  /^\/api\/integrations\/payment\/(parts|sim|receipts|refund-receipts)\//,
  /^\/api\/public\//,
];

function audienceOf(method: string, path: string): Audience[] {
  if (method === "get" && PUBLIC.some((p) => p.test(path))) return [{ kind: "public" }];
  if (
    method === "post" &&
    /^\/api\/(auth\/login|fees\/quote|integrations\/payment\/sim\/|sign-up(\/code)?$|password-reset(\/code)?$|public\/complaints$)/.test(
      path,
    )
  )
    return [{ kind: "public" }];
  const need = scopeNeeded(method.toUpperCase(), path.replace(/\{[^}]+\}/g, "x"));
  if (need === "never") return [{ kind: "people" }];
  return [{ kind: "people" }, { kind: "institutions", scope: need === "none" ? null : need }];
}

/** The POSTs an institution's token may send take an Idempotency-Key (platform/http/idempotency.ts). */
export function institutionPost(method: string, path: string): boolean {
  return method.toLowerCase() === "post" && audienceOf("post", path).some((a) => a.kind === "institutions");
}

export function swaggerOptions(publicUrl: string): SwaggerOptions {
  return {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Yulin 鱼鳞 · 互联网+不动产登记 API",
        version: `${API_VERSION}.0.0`,
        description:
          "不动产登记平台的接口：网上办事大厅、机构门户（银行、法院、开发企业、中介、公证）与内网工作台共用。" +
          " The API of the real estate registration platform, shared by the hall, the institutions' portal and the workbench.\n\n" +
          "错误答复为 `{code, message_zh, message_en, details}`，错误码稳定。" +
          " Errors are `{code, message_zh, message_en, details}` with stable codes.\n\n" +
          "个人与工作人员使用 `yulin_session` 会话 Cookie；机构直连使用 `Authorization: Bearer <token>`。" +
          " People use the `yulin_session` cookie; institutions send `Authorization: Bearer <token>`.\n\n" +
          "每个答复带 `RateLimit-Limit`、`RateLimit-Remaining`、`RateLimit-Reset`。" +
          " Every answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`.\n\n" +
          VERSIONING_POLICY,
        contact: { name: "鱼鳞 Yulin 平台运维 Platform operations", email: "api@yulin.example.gov.cn" },
        license: { name: "Proprietary 政务系统", identifier: "LicenseRef-Yulin" },
      },
      servers: [{ url: publicUrl.replace(/\/$/, ""), description: "本部署 This deployment" }],
      tags: TAGS.map(({ name, description }) => ({ name, description })),
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: "yulin_session",
            description: "个人与工作人员登录后的会话 Session of a logged-in person or staff member",
          },
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "机构直连 API 令牌（带权限范围） An institution's API token, with scopes",
          },
        },
      },
      // The JSON Schema of the payload is zod's output, wider than the typings' SchemaObject.
      webhooks: WEBHOOKS as unknown as Record<string, never>,
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => {
      const document = "openapiObject" in documentObject ? documentObject.openapiObject : documentObject;
      const tagPrefixes = new Map(TAGS.map((t) => [t.name, t.errorPrefixes]));
      return finishDocument(document, {
        errorPrefixes: (tag) => tagPrefixes.get(tag) ?? [],
        audienceOf,
        idempotent: institutionPost,
      });
    },
  };
}
