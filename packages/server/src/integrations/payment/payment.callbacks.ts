import { systemContext } from "../../platform/audit/audit";
import { inboundHandler } from "../shared/inbound.service";
import { ZGatewayTransaction } from "./payment.gateway";
import type { PaymentService } from "./payment.service";

/** The acquiring bank's signed notice that a part was paid (支付结果通知). */
export function paymentCallbacks(payments: PaymentService) {
  return [
    inboundHandler({
      department: "payment",
      type: "payment-succeeded",
      schema: ZGatewayTransaction,
      handle: (tx, data, meta) =>
        payments.applyGatewayPayment(tx, systemContext(`payment-callback:${meta.messageId}`), data),
    }),
  ];
}
