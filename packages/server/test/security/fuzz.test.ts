import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isErrorCode } from "../../src/platform/errors";
import { closeEnv } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { type FuzzRequest, fuzzRequest } from "./fuzz-requests";
import { type Operation, operationsOf } from "./openapi-arbitraries";
import {
  CALLERS,
  type Credentials,
  type Fixtures,
  logIn,
  logInAll,
  makeFixtures,
  registerFingerprint,
} from "./role-fixtures";

// Issue 17, point 2: generated requests to every operation of the OpenAPI document, as every role:
// valid, boundary and hostile bodies, parameters and headers, bad JSON and content types. No
// answer may be a 5xx (a response that violates its schema is a 500 too: the zod serializer
// checks every answer), every refusal carries a catalogue code with Chinese and English messages,
// and a refused request leaves the register as it was. `npm run test:fuzz` sends 20,000; the
// normal suite a few hundred. Seeded: YULIN_FUZZ_SEED and the printed index reproduce a failure.
const RUNS = Number(process.env.YULIN_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.YULIN_FUZZ_SEED ?? 17_2026);
const CHUNK = 250;

let env: TestEnv;
let ops: Operation[];
let credentials: Credentials;
let fixtures: Fixtures;
beforeAll(async () => {
  env = await startTestEnv({
    // The limits are tested on their own (rate-limit.test.ts); here they would answer 429 to most.
    YULIN_RATE_LIMIT_IP_PER_MINUTE: "100000000",
    YULIN_RATE_LIMIT_ACCOUNT_PER_MINUTE: "100000000",
    YULIN_RATE_LIMIT_LOGIN_PER_MINUTE: "100000000",
  });
  ops = await operationsOf(env.app);
  credentials = await logInAll(env);
  fixtures = await makeFixtures(env, credentials);
}, 600_000);
afterAll(async () => closeEnv(env));

type Failure = { index: number; request: string; status: number; problem: string; body: string };

const describeRequest = (r: FuzzRequest) =>
  `${r.role} ${r.method} ${r.url.slice(0, 200)} [${r.contentType ?? "-"}] ${String(r.payload ?? "").slice(0, 200)}`;

function problemOf(status: number, contentType: string, body: string): string | null {
  if (status >= 500) return "5xx";
  if (status < 400) return null;
  if (!contentType.includes("application/json")) return "refusal is not JSON";
  const parsed = JSON.parse(body) as { code?: unknown; message_zh?: unknown; message_en?: unknown };
  if (!isErrorCode(parsed.code)) return `code not in the catalogue: ${String(parsed.code)}`;
  if (typeof parsed.message_zh !== "string" || !/[\u4e00-\u9fff]/.test(parsed.message_zh))
    return "no Chinese message";
  if (typeof parsed.message_en !== "string" || !/[A-Za-z]/.test(parsed.message_en))
    return "no English message";
  return null;
}

describe(`fuzz: ${RUNS} generated requests over every operation and role (seed ${SEED})`, () => {
  it("answers no 5xx, refuses with a catalogue code in zh and en, and a refusal changes nothing", async () => {
    const arb = fuzzRequest(ops, CALLERS, fixtures);
    const failures: Failure[] = [];
    const statusCounts = new Map<string, number>();
    const seenOps = new Set<string>();
    let fingerprint = await registerFingerprint(env);
    let refused = 0;
    const started = Date.now();
    for (let chunk = 0; chunk * CHUNK < RUNS; chunk++) {
      const batch = fc.sample(arb, { seed: SEED + chunk, numRuns: Math.min(CHUNK, RUNS - chunk * CHUNK) });
      for (const [i, r] of batch.entries()) {
        const index = chunk * CHUNK + i;
        const res = await env.server.inject({
          method: r.method,
          url: r.url,
          remoteAddress: r.remoteAddress,
          headers: { ...credentials.get(r.role), ...r.headers },
          ...(r.payload !== undefined ? { payload: r.payload } : {}),
        });
        seenOps.add(r.key);
        const status = res.statusCode;
        const klass = `${Math.floor(status / 100)}xx`;
        statusCounts.set(klass, (statusCounts.get(klass) ?? 0) + 1);
        let problem = problemOf(status, String(res.headers["content-type"] ?? ""), res.body);
        const after = await registerFingerprint(env);
        if (status >= 400) {
          refused++;
          if (!problem && after !== fingerprint) problem = `register changed ${fingerprint} → ${after}`;
        }
        fingerprint = after;
        if (problem && failures.length < 30)
          failures.push({
            index,
            request: describeRequest(r),
            status,
            problem,
            body: res.body.slice(0, 300),
          });
        // A caller that logged itself out (or whose session a request ended) logs in again.
        if (r.key === "POST /api/auth/logout" && status < 400) {
          const caller = CALLERS.find((c) => c.role === r.role);
          if (caller) credentials.set(caller.role, await logIn(env, caller));
        }
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${RUNS} requests (seed ${SEED}) in ${seconds.toFixed(1)} s, ${seenOps.size}/${ops.length} operations, ` +
        `${refused} refused; ${[...statusCounts].map(([k, v]) => `${k}: ${v}`).join(", ")}`,
    );
    expect(failures, JSON.stringify(failures, null, 1)).toEqual([]);
    // Every operation is reached once the run is long enough to (two requests per operation).
    if (RUNS >= ops.length * 8) expect(seenOps.size).toBe(ops.length);
  }, 3_600_000);
});
