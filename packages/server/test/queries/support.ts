import { generateResidentId } from "@yulin/domain";
import type { Http } from "../cases/support";
import type { TestEnv } from "../support/test-services";

/** The demo's flats (demo-register.seed.ts): 张伟's own, and 李娜/陈静's, which 张伟 does not hold. */
export const ZHANG_HOME = "440604001002GB00001F00010006";
export const LI_CHEN_HOME = "440604001002GB00001F00010010";
export const ZHANG_ADDRESS = "岭南花园1座202";
export const ZHANG_ID = generateResidentId({ county: "440604", birthDate: "1985-03-12", sequence: 101 });
export const LI_ID = generateResidentId({ county: "440605", birthDate: "1990-07-08", sequence: 202 });

export const logCount = async (env: TestEnv): Promise<number> => {
  const row = await env.services.db
    .selectFrom("query_log")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/** Applies, and approves as the clerk when the application is queued: the final answer or error. */
export async function applyAndAnswer(api: Http, who: string, body: object) {
  const applied = await api.post(who, "/api/queries", body);
  if (applied.status !== 201 || applied.body.status !== "pending") return { applied, final: applied };
  const decided = await api.post("chancheng.shouli", `/api/queries/${applied.body.id}/decision`, {
    approve: true,
  });
  if (decided.status !== 200) throw new Error(`approval failed: ${JSON.stringify(decided.body)}`);
  const final = await api.get(who, `/api/queries/${applied.body.id}`);
  return { applied, final };
}
