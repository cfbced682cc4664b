import http from "node:http";
import type { AddressInfo } from "node:net";
import { generateSm2KeyPair, sm2Sign, sm2Verify } from "../../../src/integrations/shared/sm2";

/**
 * A utility company's HTTP interface (docs/integrations.md, 1+N): verifies Yulin's signature,
 * moves the account once per Idempotency-Key, and signs its answer with its own SM2 key —
 * or, while `forgeReplies` is set, with a key that is not the one Yulin knows.
 */
export async function startUtilityCompany(platformPublicKey: () => string) {
  const key = generateSm2KeyPair();
  const forger = generateSm2KeyPair();
  const state = { forgeReplies: false, requests: 0, moved: new Map<string, unknown>() };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      state.requests++;
      const raw = Buffer.concat(chunks).toString("utf8");
      const ok = sm2Verify(
        `${req.headers["x-yulin-timestamp"]}${raw}`,
        String(req.headers["x-yulin-signature"]),
        platformPublicKey(),
      );
      const body = ok ? JSON.parse(raw) : null;
      const idem = String(req.headers["idempotency-key"] ?? "");
      if (ok && !state.moved.has(idem))
        state.moved.set(idem, {
          requestNo: body.data.requestNo,
          status: "done",
          companyRef: `GAS-${state.moved.size + 1}`,
          reason: null,
          answeredAt: new Date().toISOString(),
        });
      const reply = JSON.stringify(ok ? state.moved.get(idem) : { error: "bad signature" });
      const timestamp = String(Date.now());
      const signer = state.forgeReplies ? forger : key;
      res.writeHead(ok ? 200 : 401, {
        "content-type": "application/json",
        "x-yulin-timestamp": timestamp,
        "x-yulin-signature": sm2Sign(timestamp + reply, signer.privateKey),
      });
      res.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    publicKey: key.publicKey,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
