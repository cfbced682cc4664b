import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * Security headers on every answer (@fastify/helmet): a content security policy that allows only
 * this origin's scripts (the web app is built, nothing inline), no framing by other sites
 * (`frame-ancestors 'none'`), `nosniff`, no referrer to other origins. API answers carry personal
 * data and are never stored by a browser or a proxy (`Cache-Control: no-store`).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The UI library (antd) inserts its generated styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Material previews: an uploaded image or PDF is shown from a blob: URL.
        imgSrc: ["'self'", "data:", "blob:"],
        frameSrc: ["'self'", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    // Served over plain HTTP in the demo; HSTS belongs to the HTTPS proxy in front (docs/security.md).
    strictTransportSecurity: false,
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      reply.header("cache-control", "no-store");
      reply.header("pragma", "no-cache");
    }
  });
}
