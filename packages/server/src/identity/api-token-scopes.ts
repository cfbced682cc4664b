/**
 * What an institution's API token may do (docs/security.md). A bearer token carries scopes; each
 * request's path and method ask for one scope, and a path no entry names is refused (fail closed).
 * Token management and staff administration are in no scope: a token cannot mint, rotate or revoke
 * tokens, whatever it holds; only the institution's logged-in user can.
 */
export const API_TOKEN_SCOPES = [
  "cases:read",
  "cases:write",
  "register:read",
  "certificates:read",
  "certificates:write",
  "integrations",
  "personal-data",
] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Given when a token is issued without scopes. */
export const DEFAULT_TOKEN_SCOPES: ApiTokenScope[] = [
  "cases:read",
  "cases:write",
  "register:read",
  "certificates:read",
];

type Need = ApiTokenScope | "none" | "never";
type Entry = { prefix: RegExp; read: Need; write: Need };

const TABLE: Entry[] = [
  { prefix: /^\/api\/institution\/tokens(\/|$)/, read: "never", write: "never" },
  { prefix: /^\/api\/offices\/[^/]+\/staff(\/|$)/, read: "never", write: "never" },
  // A bank's replay of the collateral events sent to it (integrations/bank/bank-events.ts).
  { prefix: /^\/api\/institution\/events$/, read: "cases:read", write: "never" },
  // A bank's replay of the collateral events sent to it (integrations/bank/bank-events.ts).
  { prefix: /^\/api\/institution\/events$/, read: "cases:read", write: "never" },
  { prefix: /^\/api\/auth\//, read: "none", write: "never" },
  { prefix: /^\/api\/(offices|calendar)(\/|$)/, read: "none", write: "never" },
  { prefix: /^\/api\/accounts\/[^/]+\/personal-data$/, read: "personal-data", write: "personal-data" },
  { prefix: /^\/api\/(cases|supervision)(\/|$)/, read: "cases:read", write: "cases:write" },
  { prefix: /^\/api\/register(\/|$)/, read: "register:read", write: "register:read" },
  {
    prefix: /^\/api\/certificate(s|-prints|-deliveries)(\/|$)/,
    read: "certificates:read",
    write: "certificates:write",
  },
  { prefix: /^\/api\/(integrations|fees)(\/|$)/, read: "integrations", write: "integrations" },
];

/** The scope a bearer-token request needs: a scope, `none` (any token), or `never`. */
export function scopeNeeded(method: string, url: string): Need {
  const path = url.split("?")[0] ?? url;
  const entry = TABLE.find((e) => e.prefix.test(path));
  if (!entry) return "never";
  return method === "GET" || method === "HEAD" ? entry.read : entry.write;
}

export function tokenAllows(scopes: readonly string[], method: string, url: string): boolean {
  const need = scopeNeeded(method, url);
  if (need === "never") return false;
  return need === "none" || scopes.includes(need);
}
