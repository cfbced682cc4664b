import http from "node:http";
import type { AddressInfo } from "node:net";
import { sm2Verify } from "../../../src/integrations/shared/sm2";

export type Received = {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: unknown;
  signatureValid: boolean;
};

export type Reply = { status: number; json?: unknown };
// biome-ignore lint/suspicious/noExplicitAny: a test department reads whatever JSON it was sent
export type Route = (body: any, request: Received) => Reply | Promise<Reply>;

/**
 * A department speaking the documented JSON (docs/integrations.md): it verifies Yulin's SM2
 * signature over timestamp ‖ body, answers by route, and — like a correct receiver of an
 * at-least-once channel — processes each Idempotency-Key once, answering repeats from memory.
 */
export async function startDepartmentServer(options: {
  platformPublicKey: () => string;
  routes: Record<string, Route>;
}) {
  const received: Received[] = [];
  const processed = new Map<string, Reply>();
  let duplicates = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://x");
      const timestamp = String(req.headers["x-yulin-timestamp"] ?? "");
      const signature = String(req.headers["x-yulin-signature"] ?? "");
      const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
      const r: Received = {
        method: req.method ?? "GET",
        path: url.pathname,
        idempotencyKey: key,
        body: raw ? JSON.parse(raw) : null,
        signatureValid: sm2Verify(timestamp + raw, signature, options.platformPublicKey()),
      };
      received.push(r);
      const send = (reply: Reply) => {
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(JSON.stringify(reply.json ?? {}));
      };
      if (!r.signatureValid) return send({ status: 401, json: { error: "bad signature" } });
      if (key && processed.has(key)) {
        duplicates++;
        return send(processed.get(key)!);
      }
      const route =
        options.routes[`${r.method} ${url.pathname}`] ??
        Object.entries(options.routes).find(
          ([k]) => k.endsWith("*") && `${r.method} ${url.pathname}`.startsWith(k.slice(0, -1)),
        )?.[1];
      if (!route) return send({ status: 404, json: { error: "no route" } });
      try {
        const reply = await route(r.body, r);
        if (key && reply.status < 300) processed.set(key, reply);
        send(reply);
      } catch (error) {
        send({ status: 500, json: { error: String(error) } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    processedKeys: () => [...processed.keys()],
    duplicates: () => duplicates,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
