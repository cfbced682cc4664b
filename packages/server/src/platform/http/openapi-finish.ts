import { type ErrorCode, errorBody, errorCatalogue } from "../errors";
import { deriveOperationId } from "./operation-ids";

/**
 * Finishes the OpenAPI document the routes produce, in one place, so every route (also one added
 * tomorrow) gets the same treatment: a verb-first operationId, a bilingual description naming its
 * audience, every error code of the catalogue its answers can carry (with an example each), its
 * security per audience, and the Idempotency-Key header on the POSTs institutions send.
 * What a route states itself (operationId, description) wins.
 */

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is plain JSON here.
type Json = any;

export type Audience =
  | { kind: "people" }
  | { kind: "institutions"; scope: string | null }
  | { kind: "public" };

export type DocumentRules = {
  /** Error-code prefixes (e.g. `CASE.`) each tag's operations may return, besides the common ones. */
  errorPrefixes: (tag: string) => readonly string[];
  /** Who may call an operation: people only, or institutions too (with the scope their token needs). */
  audienceOf: (method: string, path: string) => Audience[];
  /** Whether the operation takes `Idempotency-Key` (see platform/http/idempotency.ts). */
  idempotent: (method: string, path: string) => boolean;
};

const COMMON_PREFIXES = ["REQUEST.", "AUTH.", "RATE_LIMITED"];
const METHODS = ["get", "put", "post", "delete", "patch"];
const CATALOGUE = errorCatalogue();

export const IDEMPOTENCY_HEADER = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "幂等键：重试时使用同一键与同一请求体，返回首次的答复（24 小时内）。" +
    " Idempotency key: a retry with the same key and body gets the first answer (kept 24 hours).",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

function codesFor(status: number, prefixes: readonly string[], idempotent: boolean): ErrorCode[] {
  const allowed = [...COMMON_PREFIXES, ...prefixes, ...(idempotent ? ["IDEMPOTENCY."] : [])];
  return CATALOGUE.filter((c) => c.status === status && allowed.some((p) => c.code.startsWith(p))).map(
    (c) => c.code,
  );
}

function errorResponse(codes: ErrorCode[], schema: Json): Json {
  const lines = codes.map((code) => {
    const body = errorBody(code);
    return `- \`${code}\`: ${body.message_zh} / ${body.message_en}`;
  });
  return {
    description: `错误码 Error codes:\n${lines.join("\n") || "- (none in the catalogue for this status)"}`,
    content: {
      "application/json": {
        schema,
        ...(codes.length
          ? { examples: Object.fromEntries(codes.map((code) => [code, { value: errorBody(code) }])) }
          : {}),
      },
    },
  };
}

function audienceText(audiences: Audience[]): string {
  return audiences
    .map((a) => {
      if (a.kind === "public") return "公开，无需登录 / public, no login";
      if (a.kind === "people") return "个人与工作人员（会话 Cookie）/ people (session cookie)";
      const scope = a.scope ? `\`${a.scope}\`` : "任一范围 any scope";
      return `机构直连（Bearer 令牌，范围 ${scope}）/ institutions (bearer token, scope ${scope})`;
    })
    .join("；");
}

function securityOf(audiences: Audience[]): Json[] {
  return audiences.map((a) => {
    if (a.kind === "public") return {};
    if (a.kind === "people") return { session: [] };
    // The scope goes in `x-token-scope` and the description: OpenAPI lists scopes for OAuth only.
    return { bearer: [] };
  });
}

function finishOperation(method: string, path: string, op: Json, rules: DocumentRules): void {
  const idempotent = rules.idempotent(method, path);
  const audiences = rules.audienceOf(method, path);
  op.operationId ??= deriveOperationId(method, path);
  const tag = op.tags?.[0] ?? "";
  const prefixes = rules.errorPrefixes(tag);
  const extra = [
    `调用方 Audience: ${audienceText(audiences)}.`,
    ...(idempotent
      ? [
          "幂等：可带 `Idempotency-Key`，同键同体的重试返回首次答复。" +
            " Idempotent: send `Idempotency-Key`; a retry with the same key and body returns the first answer.",
        ]
      : []),
    "错误码见各响应 / error codes are listed under each response.",
  ];
  op.description = [op.description ?? op.summary, ...extra].join("\n\n");
  op.security = securityOf(audiences);
  const scope = audiences.find((a) => a.kind === "institutions")?.scope;
  if (scope) op["x-token-scope"] = scope;
  if (idempotent) op.parameters = [...(op.parameters ?? []), IDEMPOTENCY_HEADER];
  for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
    const code = Number(status);
    if (!(code >= 400 && code < 500)) continue;
    const schema = response.content?.["application/json"]?.schema;
    if (!schema) continue;
    op.responses[status] = errorResponse(codesFor(code, prefixes, idempotent), schema);
  }
}

export function finishDocument(document: Json, rules: DocumentRules): Json {
  for (const [path, item] of Object.entries<Json>(document.paths ?? {}))
    for (const method of METHODS) if (item[method]) finishOperation(method, path, item[method], rules);
  return document;
}
