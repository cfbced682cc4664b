import { api, isApiError } from "../../../api/client";
import type { RequestOf } from "../../../api/openapi";
import type { StatusOf } from "../../../i18n/messages/status.messages";

/** 部门协同 as the case page uses it: the deed tax declaration and the one payment order (税费同缴). */

export type TaxDeclarationRequest = RequestOf<"/api/integrations/tax/declarations", "post">;
export type PaymentOrderRequest = RequestOf<"/api/integrations/payment/orders", "post">;

/** The tax case and the payment order are open records in the OpenAPI document: their fields used here. */
export type TaxStatus = {
  caseRef: string;
  declarationNo: string;
  status: StatusOf<"tax">;
  assessment: { assessmentNo: string; totalFen: number; category: string; rateBp: number } | null;
  confirmations: { voucherNo: string; kind: string; amountFen: number; confirmedAt: string }[];
};

export type PaymentOrder = {
  orderNo: string;
  caseRef: string;
  status: StatusOf<"order">;
  totalFen: number;
  lines: { code?: string; label_zh?: string; label_en?: string; amount?: number; amountFen?: number }[];
  parts: {
    partNo: string;
    payer: string;
    amountFen: number;
    status: StatusOf<"orderPart">;
    paidAt: string | null;
    payPage: string | null;
  }[];
  /** 退费: the registration fee paid back when the case ended without registration. */
  refunds?: {
    refundNo: string;
    payer: string;
    amountFen: number;
    status: "requested" | "succeeded" | "failed";
    receiptNo: string | null;
    taxFen: number;
    taxRefundedBy: "tax-department" | null;
  }[];
};

const enc = encodeURIComponent;

export const collaborationKeys = {
  tax: (caseRef: string) => ["collaboration", "tax", caseRef] as const,
  order: (orderNo: string) => ["collaboration", "order", orderNo] as const,
};

/** The case's tax state, or null before anything was declared. */
export async function fetchTaxStatus(caseRef: string, signal?: AbortSignal): Promise<TaxStatus | null> {
  try {
    return await api.get<TaxStatus>(`/api/integrations/tax/cases/${enc(caseRef)}`, { signal });
  } catch (error) {
    if (isApiError(error, "AUTH.FORBIDDEN") || isApiError(error, "TAX.NOT_FOUND")) return null;
    throw error;
  }
}

export const declareTax = (request: TaxDeclarationRequest) =>
  api.post<Record<string, unknown>>("/api/integrations/tax/declarations", request);
export const createPaymentOrder = (request: PaymentOrderRequest) =>
  api.post<PaymentOrder>("/api/integrations/payment/orders", request);
export const fetchPaymentOrder = (orderNo: string, signal?: AbortSignal) =>
  api.get<PaymentOrder>(`/api/integrations/payment/orders/${enc(orderNo)}`, { signal });
