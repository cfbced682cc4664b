import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses, ZCountyCode } from "../platform/http/schemas";
import {
  ZCertificateId,
  ZCertificateView,
  ZDelivery,
  ZDeliveryRequest,
  ZDeliveryUpdate,
  ZPrintedRequest,
  ZPrintJob,
  ZPrintRequest,
  ZReplaceRequest,
  ZVerification,
  ZVoidRequest,
  ZWithdrawPrintRequest,
} from "./certificate.schemas";
import type { CertificateService } from "./certificate.service";
import type { CertificatePaperService } from "./certificate-paper.service";
import type { CertificateVerificationService } from "./certificate-verification.service";
import type { SealKey } from "./seal-key";

export type CertificateRouteDeps = {
  certificates: CertificateService;
  paper: CertificatePaperService;
  verification: CertificateVerificationService;
  sealKey: Pick<SealKey, "publicKeyPem">;
};

const ZLicence = z.object({ format: z.string() }).loose().describe("ElectronicLicence");

export const certificateRoutes =
  (deps: CertificateRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["certificates 证书"];
    const ok = z.object({ ok: z.literal(true) });

    app.get(
      "/api/certificates/verify/:token",
      {
        schema: {
          tags,
          summary: "扫码核验证书（无需登录） Verify a certificate by its QR code (public)",
          security: [],
          params: z.object({ token: z.string().min(1).max(100) }),
          response: { 200: ZVerification, ...errorResponses },
        },
      },
      async (request) => deps.verification.verifyToken(contextOf(request), request.params.token),
    );

    app.get(
      "/api/certificates/seal-public-key",
      {
        schema: {
          tags,
          summary: "电子签章公钥（PEM） The registry's seal public key (PEM)",
          security: [],
          response: { 200: z.string() },
        },
      },
      async (_request, reply) =>
        reply.type("application/x-pem-file; charset=utf-8").send(deps.sealKey.publicKeyPem),
    );

    app.get(
      "/api/certificates",
      {
        schema: {
          tags,
          summary: "我的证书 The caller's certificates (holder, mortgagee bank)",
          response: { 200: z.object({ certificates: z.array(ZCertificateView) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { certificates: await deps.certificates.listMine(contextOf(request)) };
      },
    );

    app.get(
      "/api/certificates/:id",
      {
        schema: {
          tags,
          summary: "证书详情 A certificate",
          params: ZCertificateId,
          response: { 200: ZCertificateView, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return deps.certificates.getCertificate(contextOf(request), request.params.id);
      },
    );

    app.get(
      "/api/certificates/:id/pdf",
      {
        schema: {
          tags,
          summary: "下载电子证书 PDF（留痕） Download the sealed PDF (audited)",
          params: ZCertificateId,
          produces: ["application/pdf"],
          response: { 200: z.any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const { bytes } = await deps.certificates.downloadPdf(contextOf(request), request.params.id);
        return reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="certificate-${request.params.id}.pdf"`)
          .send(bytes);
      },
    );

    app.get(
      "/api/certificates/:id/licence",
      {
        schema: {
          tags,
          summary: "电子证照 JSON（含签章） Electronic licence JSON with its seal",
          params: ZCertificateId,
          response: { 200: ZLicence, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return deps.certificates.electronicLicence(contextOf(request), request.params.id);
      },
    );

    app.post(
      "/api/certificates/:id/replace",
      {
        schema: {
          tags,
          summary: "补发/换发（原证作废） Replace a lost or damaged certificate (R26)",
          params: ZCertificateId,
          body: ZReplaceRequest,
          response: {
            200: z.object({ id: z.string(), number: z.string(), verifyUrl: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        const r = await deps.certificates.replace(contextOf(request), request.params.id, request.body);
        return { id: r.id, number: r.number, verifyUrl: r.verifyUrl };
      },
    );

    app.post(
      "/api/certificates/:id/void",
      {
        schema: {
          tags,
          summary: "证书作废 Void a certificate",
          params: ZCertificateId,
          body: ZVoidRequest,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        await deps.certificates.voidCertificate(contextOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/certificates/:id/prints",
      {
        schema: {
          tags,
          summary: "加入打证队列（可异地打证） Queue the paper certificate (remote printing)",
          params: ZCertificateId,
          body: ZPrintRequest,
          response: { 200: z.object({ id: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return deps.paper.requestPrint(contextOf(request), request.params.id, request.body);
      },
    );

    app.get(
      "/api/offices/:office/print-queue",
      {
        schema: {
          tags,
          summary: "本机构打证队列 The office's print queue",
          params: z.object({ office: ZCountyCode }),
          response: { 200: z.object({ jobs: z.array(ZPrintJob) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { jobs: await deps.paper.printQueue(contextOf(request), request.params.office) };
      },
    );

    app.post(
      "/api/certificate-prints/:printId/printed",
      {
        schema: {
          tags,
          summary: "登记印制号 Record the printed form's serial number (印制号)",
          params: z.object({ printId: z.uuid() }),
          body: ZPrintedRequest,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        await deps.paper.recordPrinted(contextOf(request), request.params.printId, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/certificate-prints/:printId/withdraw",
      {
        schema: {
          tags,
          summary: "撤销打证任务或登记废证 Cancel a queued job or record a spoiled form",
          params: z.object({ printId: z.uuid() }),
          body: ZWithdrawPrintRequest,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        await deps.paper.withdrawPrint(contextOf(request), request.params.printId, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      "/api/certificates/:id/deliveries",
      {
        schema: {
          tags,
          summary: "领证/邮寄记录 Deliveries of a certificate",
          params: ZCertificateId,
          response: { 200: z.object({ deliveries: z.array(ZDelivery) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return { deliveries: await deps.paper.listDeliveries(contextOf(request), request.params.id) };
      },
    );

    app.post(
      "/api/certificates/:id/deliveries",
      {
        schema: {
          tags,
          summary: "安排领证或邮寄 Arrange pickup or postal delivery",
          params: ZCertificateId,
          body: ZDeliveryRequest,
          response: { 200: ZDelivery, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return deps.paper.arrangeDelivery(contextOf(request), request.params.id, request.body);
      },
    );

    app.post(
      "/api/certificate-deliveries/:deliveryId",
      {
        schema: {
          tags,
          summary: "更新寄递状态（邮件号） Dispatch with a tracking number, deliver, collect or return",
          params: z.object({ deliveryId: z.uuid() }),
          body: ZDeliveryUpdate,
          response: { 200: ZDelivery, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return deps.paper.updateDelivery(contextOf(request), request.params.deliveryId, request.body);
      },
    );
  };
