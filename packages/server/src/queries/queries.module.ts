import type { FastifyPluginAsync } from "fastify";
import { sealKeyFrom } from "../certificates/seal-key";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { queryRoutes } from "./query.routes";
import { createQueryService } from "./query.service";
import { createQueryAnswers } from "./query-answers";
import { createQueryApprovalService } from "./query-approval.service";
import { createQueryResultService } from "./query-result.service";
import type { QueryIdentityPort, QueryRegisterPort } from "./register.port";

/** Wires the query capability (查询, R30): applications, approval, sealed results, the query log. */
export function createQueriesModule(deps: {
  db: Database;
  pii: PiiCipher;
  now: () => Date;
  publicUrl: string;
  /** The registry's seal key (the register's): the query seal is the same electronic seal. */
  seal: { privateKey: string };
  trustedPublicKeys: () => Promise<string[]>;
  register: QueryRegisterPort;
  identity: QueryIdentityPort;
  addWorkingDays: (from: string, days: number) => Promise<string>;
}) {
  const { db, pii, now } = deps;
  const answers = createQueryAnswers({ register: deps.register, identity: deps.identity, pii });
  const key = sealKeyFrom(deps.seal.privateKey);
  return {
    identity: deps.identity,
    service: createQueryService({
      db,
      pii,
      now,
      register: deps.register,
      identity: deps.identity,
      answers,
      addWorkingDays: deps.addWorkingDays,
    }),
    approval: createQueryApprovalService({ db, now, answers }),
    results: createQueryResultService({
      db,
      key,
      publicUrl: deps.publicUrl,
      now,
      answers,
      trustedPublicKeys: async () => [key.publicKeyHex, ...(await deps.trustedPublicKeys())],
    }),
  };
}

export type QueriesModule = ReturnType<typeof createQueriesModule>;

export const queriesPlugin =
  (module: QueriesModule): FastifyPluginAsync =>
  async (app) => {
    await app.register(queryRoutes(module));
  };
