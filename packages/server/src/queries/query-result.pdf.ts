import {
  formatUnitCode,
  QUERENT_KIND_NAMES,
  QUERY_PURPOSE_NAMES,
  QUERY_SCOPE_NAMES,
  type QueryAnswer,
  type QueryResultData,
} from "@yulin/domain";
import PDFDocument from "pdfkit";
import { drawQr, drawSeal } from "../certificates/certificate.drawing";
import { loadFonts } from "../certificates/certificate.renderer";

const LEFT = 50;
const WIDTH = 595.28 - 2 * LEFT;
const BOTTOM = 841.89 - 60;

type Doc = PDFKit.PDFDocument;

const yesNo = (v: boolean) => (v ? "有" : "无");

function line(doc: Doc, label: string, value: string): void {
  if (doc.y > BOTTOM) doc.addPage();
  const y = doc.y;
  doc.font("bold").fontSize(10).text(label, LEFT, y, { width: 110 });
  doc
    .font("regular")
    .fontSize(10)
    .text(value, LEFT + 115, y, { width: WIDTH - 115 });
  doc.moveDown(0.3);
}

function drawAnswer(doc: Doc, a: QueryAnswer, index: number): void {
  doc.moveDown(0.6);
  doc
    .font("bold")
    .fontSize(12)
    .text(`${index + 1}. ${a.address}`, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
  line(doc, "不动产单元号", formatUnitCode(a.unitCode));
  if (a.natural) {
    const n = a.natural;
    line(
      doc,
      "自然状况",
      `建筑面积 ${n.buildingArea ?? "—"} m²，套内 ${n.innerArea ?? "—"} m²，所在层 ${n.floor ?? "—"}，房号 ${n.roomLabel ?? "—"}，用途代码 ${n.use ?? "—"}`,
    );
  }
  if (a.flags) {
    const f = a.flags;
    line(
      doc,
      "权利限制状况",
      `共有：${yesNo(f.coOwned)}；抵押：${yesNo(f.mortgaged)}；预告登记：${yesNo(f.advanceNotice)}；异议登记：${yesNo(f.objection)}；查封：${yesNo(f.seized)}`,
    );
  }
  for (const r of a.rights ?? []) {
    const holders = r.holders
      .map((h) => [h.name ?? "（不予披露）", h.idNumber, h.share].filter(Boolean).join(" "))
      .join("；");
    line(
      doc,
      r.rightTypeName,
      `证号 ${r.certificateNo ?? "—"}，${r.coOwnership}，登记时间 ${r.registeredAt.slice(0, 10)}；权利人：${holders}`,
    );
  }
  for (const e of a.restrictions ?? [])
    line(
      doc,
      e.kindName,
      `${e.holderName}${e.rank ? `，顺位 ${e.rank}` : ""}${e.amount ? `，金额 ${e.amount} 元` : ""}${e.documentNo ? `，文号 ${e.documentNo}` : ""}${e.endsOn ? `，至 ${e.endsOn}` : ""}，登记时间 ${e.registeredAt.slice(0, 10)}`,
    );
  if (a.history)
    line(doc, "登记历史", a.history.map((h) => `${h.at.slice(0, 10)} ${h.title}`).join("；") || "—");
}

/**
 * 不动产登记资料查询结果证明 as an A4 PDF: who asked, why and what, the answers as disclosed, the
 * query seal (drawn; the electronic seal is appended by the caller) and the QR code of its public
 * verification page. Deterministic apart from pdfkit's document id.
 */
export async function renderQueryResultPdf(input: {
  data: QueryResultData;
  verifyUrl: string;
  sealKeyFingerprint: string;
}): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const { data } = input;
  const at = new Date(data.answeredAt);
  const doc = new PDFDocument({
    size: "A4",
    margin: LEFT,
    pdfVersion: "1.7",
    info: {
      Title: `不动产登记资料查询结果证明 ${data.number}`,
      Author: data.office.name,
      Creator: "Yulin 鱼鳞 互联网+不动产登记",
      Producer: "Yulin 鱼鳞",
      CreationDate: at,
      ModDate: at,
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
  doc
    .font("bold")
    .fontSize(20)
    .text("不动产登记资料查询结果证明", LEFT, 50, { width: WIDTH, align: "center" });
  doc.font("regular").fontSize(10).text(`查询编号：${data.number}`, { width: WIDTH, align: "center" });
  doc.moveDown(1);
  line(doc, "查询人", `${data.querent.name}（${QUERENT_KIND_NAMES[data.querent.kind].zh}）`);
  line(doc, "查询目的", QUERY_PURPOSE_NAMES[data.purpose].zh);
  line(doc, "查询范围", QUERY_SCOPE_NAMES[data.scope].zh);
  line(doc, "查询对象", data.subject);
  line(doc, "查询时间", `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`);
  if (data.answers.length === 0) line(doc, "查询结果", "经查询，未发现登记记载的不动产。");
  for (const [i, a] of data.answers.entries()) drawAnswer(doc, a, i);
  doc.moveDown(1);
  if (doc.y > BOTTOM - 150) doc.addPage();
  const y = doc.y;
  doc
    .font("regular")
    .fontSize(9)
    .text(
      "说明：本证明依据《不动产登记暂行条例》第二十七、二十八条及《不动产登记资料查询暂行办法》出具，反映查询时点登记簿记载情况。查询人应当按照申请的目的使用查询结果，未经权利人同意不得泄露（民法典第二百一十九条）。扫描二维码可核验真伪并了解出具后登记簿是否发生变化。",
      LEFT,
      y,
      { width: WIDTH - 120 },
    );
  drawQr(doc, input.verifyUrl, LEFT + WIDTH - 100, y, 100);
  const sealY = Math.max(doc.y + 70, y + 160);
  drawSeal(doc, LEFT + WIDTH - 140, sealY, 55, data.office.name, "bold", "不动产登记资料查询专用章");
  doc
    .font("regular")
    .fontSize(10)
    .text(data.office.name, LEFT, sealY - 10, { width: WIDTH - 220, align: "right" });
  doc.text(at.toISOString().slice(0, 10), LEFT, sealY + 6, { width: WIDTH - 220, align: "right" });
  doc
    .fontSize(7)
    .fillColor("#666666")
    .text(`电子签章 SM2 公钥指纹 ${input.sealKeyFingerprint} · 核验 ${input.verifyUrl}`, LEFT, sealY + 70, {
      width: WIDTH,
    });
  doc.end();
  return finished;
}
