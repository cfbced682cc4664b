import type { Messages } from "./messages";

/**
 * Every status a person reads, from one catalogue: the values each record can take (as the server's
 * schema declares them) and their Chinese and English names. `status.test.ts` fails when a value
 * has no name, so no status is ever shown raw.
 */
export const STATUS_VALUES = {
  tax: ["submitted", "assessed", "contested", "cleared", "registered"],
  order: ["open", "paid", "cancelled"],
  orderPart: ["pending", "paid"],
  print: ["queued", "printed", "spoiled", "cancelled"],
} as const;

export type StatusGroup = keyof typeof STATUS_VALUES;
export type StatusOf<G extends StatusGroup> = (typeof STATUS_VALUES)[G][number];

export const statusZh = {
  "status.tax.submitted": "已申报待核税",
  "status.tax.assessed": "已核税待缴纳",
  "status.tax.contested": "有异议待复核",
  "status.tax.cleared": "已完税",
  "status.tax.registered": "已登簿",
  "status.order.open": "待缴费",
  "status.order.paid": "已缴费",
  "status.order.cancelled": "已取消",
  "status.orderPart.pending": "待缴",
  "status.orderPart.paid": "已缴",
  "status.print.queued": "待打印",
  "status.print.printed": "已打印",
  "status.print.spoiled": "已作废（废证）",
  "status.print.cancelled": "已撤销",
  "office.centre": "{name}不动产登记中心",
} as const;

export const statusEn: Messages<typeof statusZh> = {
  "status.tax.submitted": "Declared, awaiting assessment",
  "status.tax.assessed": "Assessed, awaiting payment",
  "status.tax.contested": "Contested, under review",
  "status.tax.cleared": "Paid (cleared)",
  "status.tax.registered": "Registered",
  "status.order.open": "Awaiting payment",
  "status.order.paid": "Paid",
  "status.order.cancelled": "Cancelled",
  "status.orderPart.pending": "Unpaid",
  "status.orderPart.paid": "Paid",
  "status.print.queued": "Waiting to print",
  "status.print.printed": "Printed",
  "status.print.spoiled": "Spoiled form",
  "status.print.cancelled": "Cancelled",
  "office.centre": "{name} Real Estate Registration Centre",
};
