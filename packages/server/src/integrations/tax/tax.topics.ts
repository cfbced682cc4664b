import { z } from "zod";
import type { Outbox } from "../../platform/outbox/outbox";
import { type TopicSchemas, topicHandler } from "../../platform/outbox/outbox.types";
import { inboundHandler } from "../shared/inbound.service";
import {
  type TaxConnector,
  ZTaxAssessment,
  ZTaxClosedNotice,
  ZTaxConfirmation,
  ZTaxDeclaration,
  ZTaxPaymentNotice,
  ZTaxRegisteredNotice,
} from "./tax.connector";
import type { TaxService } from "./tax.service";

/** The messages to the tax department and their payloads: validated at enqueue, parsed at delivery. */
export const TAX_TOPICS = {
  "tax.declaration": ZTaxDeclaration,
  "tax.contest": ZTaxDeclaration,
  "tax.payment": ZTaxPaymentNotice,
  "tax.registered": ZTaxRegisteredNotice,
  "tax.case-closed-unregistered": ZTaxClosedNotice,
} as const satisfies TopicSchemas;

export type TaxOutbox = Outbox<typeof TAX_TOPICS>;

/** Outbox jobs towards the tax department; each applies the bureau's answer when delivered. */
export function taxTopics(connector: TaxConnector, tax: TaxService) {
  return [
    topicHandler(TAX_TOPICS, "tax.declaration", {
      deliver: async (payload, meta) => ({
        status: "delivered",
        response: await connector.declare(payload, meta.idempotencyKey),
      }),
      onDelivered: (tx, _payload, response) =>
        tax.recordAssessment(tx, response as Awaited<ReturnType<TaxConnector["declare"]>>, connector.mode),
    }),
    topicHandler(TAX_TOPICS, "tax.contest", {
      deliver: async (payload, meta) => ({
        status: "delivered",
        response: await connector.contest(payload, meta.idempotencyKey),
      }),
      onDelivered: (tx, _payload, response) =>
        tax.recordAssessment(tx, response as Awaited<ReturnType<TaxConnector["contest"]>>, connector.mode),
    }),
    topicHandler(TAX_TOPICS, "tax.payment", {
      deliver: async (payload, meta) => ({
        status: "delivered",
        response: await connector.notifyPayment(payload, meta.idempotencyKey),
      }),
      onDelivered: async (tx, _payload, response) => {
        const answer = response as Awaited<ReturnType<TaxConnector["notifyPayment"]>>;
        if (answer.confirmation) await tax.recordConfirmation(tx, answer.confirmation, connector.mode);
      },
    }),
    topicHandler(TAX_TOPICS, "tax.registered", {
      deliver: async (payload, meta) => {
        await connector.notifyRegistered(payload, meta.idempotencyKey);
        return { status: "delivered" };
      },
    }),
    topicHandler(TAX_TOPICS, "tax.case-closed-unregistered", {
      deliver: async (payload, meta) => {
        await connector.notifyClosedUnregistered(payload, meta.idempotencyKey);
        return { status: "delivered" };
      },
    }),
  ];
}

/** Callbacks from the tax bureau: a later assessment, and the payment confirmation (完税). */
export function taxCallbacks(tax: TaxService) {
  return [
    inboundHandler({
      department: "tax",
      type: "payment-confirmed",
      schema: ZTaxConfirmation,
      handle: (tx, data) => tax.recordConfirmation(tx, data, "callback"),
    }),
    inboundHandler({
      department: "tax",
      type: "assessment",
      schema: z.object({ assessment: ZTaxAssessment, confirmation: ZTaxConfirmation.nullable().optional() }),
      handle: async (tx, data) => {
        await tax.recordAssessment(tx, data, "callback");
        return { assessmentNo: data.assessment.assessmentNo };
      },
    }),
  ];
}
