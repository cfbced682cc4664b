import { formatFen } from "@yulin/domain/fees/index";
import QRCode from "qrcode";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const layout = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:"Noto Sans SC","PingFang SC",sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}
h1{font-size:1.25rem}.amount{font-size:2rem;font-weight:600;color:#c41d1d}table{width:100%;border-collapse:collapse}
td{padding:.3rem 0;border-bottom:1px solid #eee}.qr svg{width:14rem;height:14rem}button{font-size:1rem;padding:.6rem 1.4rem;
background:#1677ff;color:#fff;border:0;border-radius:6px;cursor:pointer}.paid{color:#389e0d;font-weight:600}.muted{color:#888;font-size:.85rem}</style>
</head><body>${body}</body></html>`;

export type PayPageModel = {
  partNo: string;
  orderNo: string;
  caseRef: string;
  payer: string;
  amountFen: number;
  status: "pending" | "paid";
  payUrl: string | null;
  receiptNo: string | null;
  receiptUrl: string | null;
  simulatorPayUrl: string | null;
};

/** 缴费页: the payer's part of the order, with the channel's QR code (税费同缴). */
export async function renderPayPage(m: PayPageModel): Promise<string> {
  const rows = `<table>
<tr><td>缴款单号 Order</td><td>${escapeHtml(m.orderNo)}</td></tr>
<tr><td>分单号 Part</td><td>${escapeHtml(m.partNo)}</td></tr>
<tr><td>案件 Case</td><td>${escapeHtml(m.caseRef)}</td></tr>
<tr><td>缴款人 Payer</td><td>${escapeHtml(m.payer)}</td></tr></table>`;
  if (m.status === "paid") {
    return layout(
      "已缴费 Paid",
      `<h1>不动产登记税费 · 合一支付</h1>${rows}<p class="amount">¥ ${formatFen(m.amountFen)}</p>
<p class="paid">已缴费 Paid</p><p>电子票据 Receipt: ${escapeHtml(m.receiptNo ?? "")}
${m.receiptUrl ? `<a href="${escapeHtml(m.receiptUrl)}">查看 View</a>` : ""}</p>`,
    );
  }
  const qr = m.payUrl
    ? await QRCode.toString(m.payUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" })
    : "";
  return layout(
    "缴费 Pay",
    `<h1>不动产登记税费 · 合一支付</h1>${rows}<p class="amount">¥ ${formatFen(m.amountFen)}</p>
<p>请使用手机扫码支付 Scan to pay</p><div class="qr">${qr}</div>
${m.simulatorPayUrl ? `<form method="post" action="${escapeHtml(m.simulatorPayUrl)}"><button type="submit">模拟支付 Pay (simulator)</button></form>` : ""}
<p class="muted">税款缴入国库，登记费缴入非税收入专户。Taxes go to the treasury, fees to the non-tax revenue account.</p>`,
  );
}

/** The simulated channel's own page (what the phone opens after scanning). */
export function renderGatewayPage(m: { partNo: string; amountFen: number; postUrl: string }): string {
  return layout(
    "模拟支付渠道 Simulated payment channel",
    `<h1>模拟支付渠道 Simulated payment channel</h1><p>分单号 Part ${escapeHtml(m.partNo)}</p>
<p class="amount">¥ ${formatFen(m.amountFen)}</p>
<form method="post" action="${escapeHtml(m.postUrl)}"><button type="submit">确认支付 Confirm payment</button></form>
<p class="muted">演示用：不产生真实扣款。Demo only: no real money moves.</p>`,
  );
}
