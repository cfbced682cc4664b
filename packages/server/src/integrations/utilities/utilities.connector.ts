import { isUtilityAccountNo, UTILITY_SERVICES } from "@yulin/domain";
import { z } from "zod";
import type { SignedClient } from "../shared/http-client";
import { envelope } from "../shared/signed-message";
import type { SimulatorStore } from "../shared/simulator-store.repository";

/** 过户申请: what a utility company receives once the transfer is registered. Personal: sealed. */
export const ZUtilityTransferRequest = z.object({
  requestNo: z.string(),
  caseRef: z.string(),
  service: z.enum(UTILITY_SERVICES),
  accountNo: z.string(),
  unitCode: z.string(),
  jurisdiction: z.string().regex(/^\d{6}$/),
  registeredAt: z.string(),
  certificateNo: z.string().nullable(),
  newHolders: z.array(z.object({ name: z.string(), idNumber: z.string() })).min(1),
});
export type UtilityTransferRequest = z.infer<typeof ZUtilityTransferRequest>;

/** The company's answer: done (the account is the buyer's now) or rejected with its reason. */
export const ZUtilityReply = z.object({
  requestNo: z.string(),
  status: z.enum(["done", "rejected"]),
  companyRef: z.string().max(64).nullable(),
  reason: z.string().max(200).nullable(),
  answeredAt: z.string(),
});
export type UtilityReply = z.infer<typeof ZUtilityReply>;

export type UtilityConnector = {
  mode: "simulator" | "http";
  transfer(request: UtilityTransferRequest, key: string): Promise<UtilityReply>;
};

/**
 * HTTP: `POST {base}/transfers`, our signed envelope; the answer must be signed by the company's
 * key (the client refuses it otherwise with INTEGRATION.REPLY_SIGNATURE_INVALID, and the
 * message is retried: nothing is applied, nothing lost).
 */
export function createHttpUtilityConnector(client: SignedClient, now: () => Date): UtilityConnector {
  return {
    mode: "http",
    async transfer(request, key) {
      const raw = await client.post<unknown>(
        "transfers",
        envelope("utility.transfer", key, request, now()),
        key,
      );
      return ZUtilityReply.parse(raw);
    },
  };
}

/**
 * A company as the simulator plays it: an account number it cannot find (not 4–32 letters and
 * digits, or ending in `0000`) is rejected; anything else is moved. The same request number is
 * answered from its record, so a re-sent request is processed once.
 */
export function createUtilitySimulator(deps: {
  service: (typeof UTILITY_SERVICES)[number];
  store: SimulatorStore;
  now: () => Date;
}): UtilityConnector {
  return {
    mode: "simulator",
    async transfer(request) {
      const kind = `transfers:${deps.service}`;
      const seen = await deps.store.get<UtilityReply>("utility", kind, request.requestNo);
      if (seen) return ZUtilityReply.parse(seen);
      const known = isUtilityAccountNo(request.accountNo) && !request.accountNo.endsWith("0000");
      const reply: UtilityReply = {
        requestNo: request.requestNo,
        status: known ? "done" : "rejected",
        companyRef: known
          ? `${deps.service.toUpperCase()}-${request.accountNo}-${Date.parse(request.registeredAt) % 1e6}`
          : null,
        reason: known ? null : "户号不存在 No such account",
        answeredAt: deps.now().toISOString(),
      };
      await deps.store.put("utility", kind, request.requestNo, reply, {
        personal: { newHolders: request.newHolders },
        onlyIfAbsent: true,
      });
      return reply;
    },
  };
}
