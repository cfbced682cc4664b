import type { FittedPlan } from "@yulin/domain";
import QRCode from "qrcode";

/** The subset of pdfkit's document the drawings use (pdfkit's own type is a namespace). */
export type Doc = PDFKit.PDFDocument;

export const SEAL_RED = "#d7000f";

/**
 * The registry's seal as vector graphics (no image file): a red ring, the office name along the
 * upper arc, a five-pointed star and 不动产登记专用章 below it, as official Chinese seals are cut.
 */
export function drawSeal(
  doc: Doc,
  cx: number,
  cy: number,
  r: number,
  officeName: string,
  boldFont: string,
  /** The seal's purpose along the bottom (a query result carries 不动产登记资料查询专用章). */
  bottom = "不动产登记专用章",
): void {
  doc.save();
  doc.fillColor(SEAL_RED).strokeColor(SEAL_RED).fillOpacity(0.88).strokeOpacity(0.88);
  doc
    .lineWidth(r * 0.06)
    .circle(cx, cy, r)
    .stroke();
  // Star: outer radius 0.3 r, inner 0.382 of it, point up.
  const outer = r * 0.3;
  const inner = outer * 0.382;
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  doc.polygon(...points).fill();
  const chars = [...officeName];
  const size = Math.min(r * 0.25, ((r * 0.78 * Math.PI * 4) / 3 / Math.max(chars.length, 1)) * 0.95);
  const span = Math.min(250, chars.length * ((size / (r * 0.78)) * (180 / Math.PI)) * 1.05);
  doc.font(boldFont).fontSize(size);
  chars.forEach((ch, i) => {
    const angle = chars.length === 1 ? 0 : -span / 2 + (i * span) / (chars.length - 1);
    doc.save();
    doc.rotate(angle, { origin: [cx, cy] });
    doc.text(ch, cx - size / 2, cy - r + r * 0.1, { width: size, align: "center", lineBreak: false });
    doc.restore();
  });
  const bottomSize = r * 0.14;
  doc.fontSize(bottomSize);
  doc.text(bottom, cx - r, cy + r * 0.4, { width: 2 * r, align: "center", lineBreak: false });
  doc.restore();
}

/** A QR code as filled rectangles (one run per row segment), `size` points wide. */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 2;
  const m = size / (n + 2 * quiet);
  doc.save();
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && qr.modules.get(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        doc.rect(x + (quiet + start) * m, y + (quiet + row) * m, (col - start) * m + 0.05, m + 0.05);
        start = -1;
      }
    }
  }
  doc.fillColor("#000000").fill();
  doc.restore();
}

/** North arrow (指北针): a half-filled arrowhead with 北 above it. */
export function drawNorthArrow(doc: Doc, cx: number, top: number, font: string): void {
  doc.save();
  doc.font(font).fontSize(9).fillColor("#000000");
  doc.text("北", cx - 5, top, { width: 10, align: "center", lineBreak: false });
  const tip = top + 13;
  const base = tip + 26;
  doc.lineWidth(0.7).strokeColor("#000000");
  doc.polygon([cx, tip], [cx - 7, base], [cx, base - 7]).fillAndStroke("#000000", "#000000");
  doc.polygon([cx, tip], [cx + 7, base], [cx, base - 7]).stroke();
  doc.restore();
}

/** Alternating black and white scale bar with metre labels and the 1:N scale. */
export function drawScaleBar(doc: Doc, plan: FittedPlan, x: number, y: number, font: string): void {
  const { lengthPt, metres, ticks } = plan.scaleBar;
  const segment = lengthPt / ticks;
  doc.save();
  doc.lineWidth(0.6).strokeColor("#000000");
  for (let i = 0; i < ticks; i++) {
    doc.rect(x + i * segment, y, segment, 4);
    if (i % 2 === 0) doc.fillAndStroke("#000000", "#000000");
    else doc.stroke();
  }
  doc.font(font).fontSize(7).fillColor("#000000");
  const label = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  for (let i = 0; i <= ticks; i++) {
    const text = i === ticks ? `${label((metres * i) / ticks)} 米` : label((metres * i) / ticks);
    doc.text(text, x + i * segment - 15, y + 6, { width: 30, align: "center", lineBreak: false });
  }
  doc.text(`比例尺 1:${plan.scaleDenominator}`, x, y - 12, { lineBreak: false });
  doc.restore();
}

/** The fitted features: the subject filled grey, neighbours dashed, labels and edge lengths. */
export function drawPlanFeatures(doc: Doc, plan: FittedPlan, font: string): void {
  doc.save();
  for (const feature of plan.features) {
    for (const ring of feature.rings) {
      if (ring.length < 2) continue;
      const [first, ...rest] = ring;
      doc.moveTo(first![0], first![1]);
      for (const [px, py] of rest) doc.lineTo(px, py);
      doc.closePath();
    }
    if (feature.role === "subject") {
      doc.lineWidth(1.2).undash().fillAndStroke("#e3e3e3", "#000000");
    } else {
      doc.lineWidth(0.6).dash(3, { space: 2 }).strokeColor("#555555").stroke();
    }
  }
  doc.undash();
  doc.font(font).fillColor("#000000");
  for (const label of plan.labels) {
    doc
      .fontSize(8)
      .text(label.text, label.at[0] - 40, label.at[1] - 5, { width: 80, align: "center", lineBreak: false });
  }
  for (const edge of plan.edges) {
    doc.save();
    doc.rotate(edge.angle, { origin: edge.at });
    doc
      .fontSize(6.5)
      .text(edge.text, edge.at[0] - 20, edge.at[1] - 9, { width: 40, align: "center", lineBreak: false });
    doc.restore();
  }
  doc.restore();
}
