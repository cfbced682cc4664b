import {
  calculateDeedTax,
  DEED_TAX_RULES_2024,
  PROPERTY_CLASSES,
  REGISTRATION_KINDS,
} from "@yulin/domain/fees/index";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../platform/errors";
import { contextOf, requireAuth } from "../../platform/http/request-context";
import { errorResponses, ZCalendarDate, ZCountyCode } from "../../platform/http/schemas";
import type { Integrations } from "../integrations.module";
import { renderGatewayPage, renderPayPage } from "./payment.page";

export const ZRegistrationFeeInput = z.object({
  kind: z.enum(REGISTRATION_KINDS),
  property: z.enum(PROPERTY_CLASSES),
  certificates: z.number().int().min(0).max(1000),
  initiatedBy: z.enum(["party", "registry"]).optional(),
  change: z
    .enum(["holder-name-or-id", "split-or-merge", "between-spouses", "address-by-boundary", "other"])
    .optional(),
  smallMicroEnterprise: z.boolean().optional(),
  collectiveReform: z.boolean().optional(),
});

const ZPayers = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("amounts"),
    payers: z
      .array(z.object({ payer: z.string().min(1).max(100), amount: z.number().int().positive() }))
      .min(1)
      .max(20),
  }),
  z.object({
    mode: z.literal("shares"),
    payers: z
      .array(z.object({ payer: z.string().min(1).max(100), shareBp: z.number().int().min(1).max(10_000) }))
      .min(1)
      .max(20),
  }),
]);

const tokenQuery = z.object({ t: z.string().min(16).max(64) });
const partParams = z.object({ partNo: z.string().min(1).max(64) });
const ZAny = z.record(z.string(), z.unknown());

export const paymentRoutes =
  (integrations: Integrations, options: { localRateBp: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["integrations 部门协同"];
    const payments = integrations.payments;
    // The pay page's form posts with no fields.
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_r, _b, done) =>
      done(null, {}),
    );

    app.post(
      "/api/fees/quote",
      {
        schema: {
          tags,
          summary: "税费测算（申请前） Registration fee and deed tax estimate, shown before applying",
          body: z.object({
            jurisdiction: ZCountyCode,
            fee: ZRegistrationFeeInput,
            deedTax: z
              .object({
                baseFen: z.number().int().nonnegative(),
                areaSqm: z.number().positive(),
                use: z.enum(["residential", "non-residential"]),
                buyer: z.enum(["individual", "organisation"]),
                transfer: z.enum(["sale", "gift", "inheritance", "bequest", "between-spouses"]),
                statutoryHeir: z.boolean().optional(),
                householdHomesBefore: z.number().int().min(0).max(100),
                onDate: ZCalendarDate,
              })
              .optional(),
          }),
          response: { 200: z.object({ registrationFee: ZAny, deedTax: ZAny.nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        const registrationFee = payments.quoteFee(request.body.jurisdiction, request.body.fee);
        let deedTax = null;
        if (request.body.deedTax) {
          const r = calculateDeedTax(request.body.deedTax, {
            ...DEED_TAX_RULES_2024,
            localRateBp: options.localRateBp,
          });
          if (!r.ok) throw new AppError("TAX.INVALID", { findings: r.error });
          deedTax = r.value;
        }
        return { registrationFee, deedTax };
      },
    );

    app.post(
      "/api/integrations/payment/orders",
      {
        schema: {
          tags,
          summary:
            "生成缴款单（税费合一） One payment order per case with every tax and fee, split between payers",
          body: z.object({
            caseRef: z.string().min(1).max(64),
            jurisdiction: ZCountyCode,
            fee: ZRegistrationFeeInput,
            payers: ZPayers,
          }),
          response: { 201: ZAny, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply.status(201).send(await payments.createPaymentOrder(contextOf(request), request.body));
      },
    );

    app.get(
      "/api/integrations/payment/orders/:orderNo",
      {
        schema: {
          tags,
          summary: "缴款单 A payment order with its parts and refunds (退费)",
          params: z.object({ orderNo: z.string().min(1).max(64) }),
          response: { 200: ZAny, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return payments.getOrder(contextOf(request), request.params.orderNo);
      },
    );

    app.get(
      "/api/integrations/payment/parts/:partNo",
      {
        schema: {
          tags,
          summary: "缴款人的分单（凭缴费链接） A payer's part, by the token in the pay link",
          params: partParams,
          querystring: tokenQuery,
          response: { 200: ZAny, ...errorResponses },
        },
      },
      async (request) => payments.openPart(request.params.partNo, request.query.t),
    );

    app.get(
      "/api/integrations/payment/parts/:partNo/pay",
      {
        schema: {
          tags,
          summary: "缴费页（二维码） Pay page with the QR code",
          params: partParams,
          querystring: tokenQuery,
        },
      },
      async (request, reply) => {
        const part = await payments.openPart(request.params.partNo, request.query.t);
        const base = `/api/integrations/payment`;
        const html = await renderPayPage({
          ...part,
          status: part.status as "pending" | "paid",
          receiptUrl: part.receiptNo ? `${base}/receipts/${part.receiptNo}?t=${request.query.t}` : null,
          simulatorPayUrl: integrations.gatewaySimulator
            ? `${base}/sim/${encodeURIComponent(part.partNo)}?t=${request.query.t}`
            : null,
        });
        return reply.type("text/html; charset=utf-8").send(html);
      },
    );

    app.get(
      "/api/integrations/payment/sim/:partNo",
      {
        schema: {
          tags,
          summary: "模拟支付渠道页 Simulated channel page",
          params: partParams,
          querystring: tokenQuery,
        },
      },
      async (request, reply) => {
        if (!integrations.gatewaySimulator) throw new AppError("REQUEST.NOT_FOUND");
        const part = await payments.openPart(request.params.partNo, request.query.t);
        return reply.type("text/html; charset=utf-8").send(
          renderGatewayPage({
            partNo: part.partNo,
            amountFen: part.amountFen,
            postUrl: `/api/integrations/payment/sim/${encodeURIComponent(part.partNo)}?t=${request.query.t}`,
          }),
        );
      },
    );

    app.post(
      "/api/integrations/payment/sim/:partNo",
      {
        schema: {
          tags,
          summary: "模拟支付 Pay through the simulated channel",
          params: partParams,
          querystring: tokenQuery,
        },
        // The pay page's own form, authorised by the link's token, never by a session.
        config: { csrf: false },
      },
      async (request, reply) => {
        if (!integrations.gatewaySimulator) throw new AppError("REQUEST.NOT_FOUND");
        await integrations.gatewaySimulator.pay(request.params.partNo, request.query.t);
        return reply.redirect(
          `/api/integrations/payment/parts/${encodeURIComponent(request.params.partNo)}/pay?t=${request.query.t}`,
          303,
        );
      },
    );

    app.get(
      "/api/integrations/payment/receipts/:receiptNo",
      {
        schema: {
          tags,
          summary: "电子缴款凭证 Electronic receipt (JSON with its SM3 digest)",
          params: z.object({ receiptNo: z.string().min(1).max(64) }),
          querystring: tokenQuery,
          response: { 200: ZAny, ...errorResponses },
        },
      },
      async (request) => payments.getReceipt(request.params.receiptNo, request.query.t),
    );

    app.get(
      "/api/integrations/payment/refund-receipts/:receiptNo",
      {
        schema: {
          tags,
          summary:
            "电子退费凭证 Electronic refund receipt (JSON with its SM3 digest), by the pay link's token",
          params: z.object({ receiptNo: z.string().min(1).max(64) }),
          querystring: tokenQuery,
          response: { 200: ZAny, ...errorResponses },
        },
      },
      async (request) => payments.getRefundReceipt(request.params.receiptNo, request.query.t),
    );

    app.get(
      "/api/integrations/payment/reconciliation/:date",
      {
        schema: {
          tags,
          summary: "日对账 Daily reconciliation against the channel's statement (administrators, audited)",
          params: z.object({ date: ZCalendarDate }),
          response: { 200: ZAny, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return payments.reconcileDay(contextOf(request), request.params.date);
      },
    );
  };
