import fs from "node:fs";
import { createRequire } from "node:module";
import {
  CERTIFICATE_KIND_NAMES,
  type CertificateData,
  fitPlan,
  formatChineseDate,
  notesText,
  type Plan,
  REPLACEMENT_MARKS,
  recordPageRows,
  unitCodeOf,
} from "@yulin/domain";
import PDFDocument from "pdfkit";
import {
  type Doc,
  drawNorthArrow,
  drawPlanFeatures,
  drawQr,
  drawScaleBar,
  drawSeal,
  SEAL_RED,
} from "./certificate.drawing";

/** 宗地图 and 房产分户图 for the 附图页; either may be missing (no geometry on record). */
export type CertificatePlans = { parcel?: Plan | null; floor?: Plan | null };

export type RenderInput = {
  data: CertificateData;
  plans: CertificatePlans;
  /** What the QR code encodes: `<public url>/verify/<token>`. */
  verifyUrl: string;
  /** Shown in the footer so a reader knows which published key verifies the seal. */
  sealKeyFingerprint: string;
  /** PDF creation date (the certificate's own timestamp, not the render time). */
  createdAt: Date;
};

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** Noto Sans SC from npm, read once; pdfkit embeds only the glyphs used (a subset). */
export function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: fs.readFileSync(
      require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
    ),
    bold: fs.readFileSync(require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf")),
  };
  return fonts;
}

const A4 = { width: 595.28, height: 841.89 };
const LEFT = 50;
const WIDTH = A4.width - 2 * LEFT;
const LABEL_WIDTH = 104;
const STATEMENT =
  "根据《中华人民共和国民法典》等法律法规，为保护不动产权利人合法权益，对不动产权利人申请登记的本证所列不动产权利，经审查核实，准予登记，颁发此证。";

/**
 * Renders the certificate as an A4 PDF: the record page (登记页 with 附记, QR code and seal) and,
 * when there is geometry, the plan page (附图页). Deterministic apart from pdfkit's document id.
 */
export async function renderCertificatePdf(input: RenderInput): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const { data } = input;
  const kindName = CERTIFICATE_KIND_NAMES[data.kind].zh;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: "A4",
    margin: 0,
    pdfVersion: "1.7",
    info: {
      Title: `${kindName} ${data.number}`,
      Author: data.office.name,
      Subject: `${kindName}（电子证照）`,
      Keywords: `不动产登记, ${data.number}`,
      Creator: "Yulin 鱼鳞 互联网+不动产登记",
      Producer: "Yulin 鱼鳞",
      CreationDate: input.createdAt,
      ModDate: input.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);

  const hasPlans = Boolean(input.plans.parcel?.features.length || input.plans.floor?.features.length);
  const pages = hasPlans ? 2 : 1;
  drawRecordPage(doc, input, pages);
  if (hasPlans) drawPlanPage(doc, input, pages);
  doc.end();
  return finished;
}

function drawRecordPage(doc: Doc, input: RenderInput, pages: number): void {
  const { data } = input;
  doc.addPage({ size: "A4", margin: 0 });
  doc.fillColor("#000000");
  doc.font("regular").fontSize(12).text("中华人民共和国", LEFT, 46, { width: WIDTH, align: "center" });
  doc.font("bold").fontSize(26).text(CERTIFICATE_KIND_NAMES[data.kind].zh, LEFT, 64, {
    width: WIDTH,
    align: "center",
    characterSpacing: 6,
  });
  if (data.replacement) drawMark(doc, REPLACEMENT_MARKS[data.replacement.reason], A4.width - LEFT - 56, 56);
  doc.font("regular").fontSize(12).text(data.number, LEFT, 110, { width: WIDTH, align: "center" });

  const rows = recordPageRows(data).map((r) => ({ label: r.label, value: r.value }));
  const notes = notesText(data).join("\n");
  const tableTop = 136;
  const tableBottomLimit = 600;
  // Shrink the type until everything fits on one page (long 权利其他状况 or many holders).
  let size = 11;
  let heights: number[] = [];
  let notesHeight = 0;
  for (; size >= 7; size -= 0.5) {
    doc.font("regular").fontSize(size);
    heights = rows.map((r, i) => {
      const minimum = i === rows.length - 1 ? 86 : 24;
      return Math.max(minimum, doc.heightOfString(r.value || " ", { width: WIDTH - LABEL_WIDTH - 16 }) + 12);
    });
    notesHeight = Math.max(64, doc.heightOfString(notes || " ", { width: WIDTH - LABEL_WIDTH - 16 }) + 12);
    if (tableTop + heights.reduce((a, b) => a + b, 0) + notesHeight <= tableBottomLimit) break;
  }
  let y = tableTop;
  const cells = [...rows, { label: "附记", value: notes }];
  const cellHeights = [...heights, notesHeight];
  doc.lineWidth(0.8).strokeColor("#000000");
  cells.forEach((cell, i) => {
    const h = cellHeights[i]!;
    doc.rect(LEFT, y, WIDTH, h).stroke();
    doc
      .moveTo(LEFT + LABEL_WIDTH, y)
      .lineTo(LEFT + LABEL_WIDTH, y + h)
      .stroke();
    doc.font("bold").fontSize(Math.min(size, 10.5));
    const labelHeight = doc.heightOfString(cell.label, { width: LABEL_WIDTH - 12 });
    doc.text(cell.label, LEFT + 6, y + (h - labelHeight) / 2, { width: LABEL_WIDTH - 12, align: "center" });
    doc.font("regular").fontSize(size);
    doc.text(cell.value, LEFT + LABEL_WIDTH + 8, y + 6, { width: WIDTH - LABEL_WIDTH - 16 });
    y += h;
  });

  const statementTop = Math.max(y + 10, 612);
  doc.font("regular").fontSize(9.5).text(STATEMENT, LEFT, statementTop, { width: WIDTH, lineGap: 2 });

  // Verification (left) and the registry with its seal (right).
  const blockTop = 662;
  drawQr(doc, input.verifyUrl, LEFT, blockTop, 92);
  doc.font("regular").fontSize(8).fillColor("#000000");
  doc.text("扫码核验真伪及现势状态", LEFT + 98, blockTop + 18, { width: 150, lineBreak: false });
  doc.fontSize(6.5).fillColor("#444444");
  doc.text(input.verifyUrl, LEFT + 98, blockTop + 34, { width: 170 });
  doc.fillColor("#000000").fontSize(11);
  const officeX = A4.width - LEFT - 220;
  doc.text("登记机构（章）", officeX, blockTop + 8, { width: 220, align: "center", lineBreak: false });
  doc
    .font("bold")
    .fontSize(12)
    .text(data.office.name, officeX, blockTop + 34, { width: 220, align: "center" });
  doc
    .font("regular")
    .fontSize(11)
    .text(formatChineseDate(data.registeredOn), officeX, blockTop + 58, {
      width: 220,
      align: "center",
      lineBreak: false,
    });
  drawSeal(doc, officeX + 110, blockTop + 40, 46, data.office.name, "bold");

  footer(doc, input, 1, pages);
}

function drawPlanPage(doc: Doc, input: RenderInput, pages: number): void {
  const { data } = input;
  doc.addPage({ size: "A4", margin: 0 });
  doc.fillColor("#000000").font("bold").fontSize(18);
  doc.text("附图页", LEFT, 44, { width: WIDTH, align: "center", characterSpacing: 4 });
  doc
    .font("regular")
    .fontSize(10)
    .text(`${data.number}    不动产单元号 ${unitCodeOf(data)}`, LEFT, 72, {
      width: WIDTH,
      align: "center",
    });
  const panels: Array<{ title: string; plan: Plan | null | undefined; top: number }> = [
    { title: "宗地图", plan: input.plans.parcel, top: 96 },
    { title: "房产分户图", plan: input.plans.floor, top: 452 },
  ];
  for (const panel of panels) {
    const frame = { x: LEFT, y: panel.top, width: WIDTH, height: 340 };
    doc.lineWidth(0.8).strokeColor("#000000").rect(frame.x, frame.y, frame.width, frame.height).stroke();
    doc.font("bold").fontSize(11).fillColor("#000000");
    doc.text(panel.title, frame.x + 10, frame.y + 8, { lineBreak: false });
    const fitted = panel.plan
      ? fitPlan(panel.plan, { ...frame, y: frame.y + 24, height: frame.height - 56 })
      : undefined;
    if (!fitted) {
      doc.font("regular").fontSize(10).fillColor("#666666");
      doc.text("无图形数据", frame.x, frame.y + frame.height / 2 - 6, {
        width: frame.width,
        align: "center",
      });
      continue;
    }
    drawPlanFeatures(doc, fitted, "regular");
    drawNorthArrow(doc, frame.x + frame.width - 28, frame.y + 10, "regular");
    drawScaleBar(doc, fitted, frame.x + 12, frame.y + frame.height - 24, "regular");
  }
  footer(doc, input, 2, pages);
}

/** A red boxed mark (补发 / 换发) at the top of the record page (R26). */
function drawMark(doc: Doc, text: string, x: number, y: number): void {
  doc.save();
  doc.lineWidth(1.5).strokeColor(SEAL_RED).rect(x, y, 56, 28).stroke();
  doc.font("bold").fontSize(16).fillColor(SEAL_RED);
  doc.text(text, x, y + 3, { width: 56, align: "center", lineBreak: false });
  doc.restore();
}

function footer(doc: Doc, input: RenderInput, page: number, pages: number): void {
  doc.font("regular").fontSize(6.5).fillColor("#555555");
  doc.text(
    `电子证照 · SM2 电子签章（签章公钥指纹 ${input.sealKeyFingerprint}）· 离线核验：yulin verify-certificate 本文件.pdf`,
    LEFT,
    A4.height - 34,
    { width: WIDTH - 60, lineBreak: false },
  );
  doc.text(`第 ${page} 页 共 ${pages} 页`, A4.width - LEFT - 60, A4.height - 34, {
    width: 60,
    align: "right",
    lineBreak: false,
  });
  doc.fillColor("#000000");
}
