import zlib from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { isJpeg, isPng, isValidMaterialFile } from "../../src/cases/material-files";

// Issue 17: a file that only started with `%PDF-` was accepted as a PDF. Materials are parsed now.
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
  return out;
};
/** A real 1×1 grey PNG, built chunk by chunk. */
const png = () => {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.from([0, 0x80]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
};
/** A baseline JPEG's segment structure: SOI, APP0, SOF0 1×1, SOS, scan data, EOI. */
const jpeg = () =>
  Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
    0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xff,
    0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0xd2, 0xcf, 0x20, 0xff, 0xd9,
  ]);

describe("material files are parsed, not sniffed", () => {
  it("accepts a real PDF and refuses a file that only starts with %PDF-", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    const real = Buffer.from(await doc.save());
    expect(await isValidMaterialFile("application/pdf", real)).toBe(true);
    for (const fake of [
      "%PDF-",
      "%PDF-1.4\nnot really a pdf at all\n%%EOF\n",
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
      `%PDF-1.7\n<script>alert(1)</script>\n%%EOF`,
    ]) {
      expect(await isValidMaterialFile("application/pdf", Buffer.from(fake)), fake).toBe(false);
    }
    // A truncated real PDF is refused too.
    expect(await isValidMaterialFile("application/pdf", real.subarray(0, real.length - 40))).toBe(false);
  });

  it("decodes PNG chunks (CRC, IHDR, IDAT, IEND) and JPEG segments", async () => {
    expect(isPng(png())).toBe(true);
    const signatureOnly = Buffer.concat([png().subarray(0, 8), Buffer.from("<html>hello</html>".repeat(3))]);
    expect(isPng(signatureOnly)).toBe(false);
    const badCrc = png();
    badCrc[30] = (badCrc[30] as number) ^ 0xff;
    expect(isPng(badCrc)).toBe(false);
    expect(isPng(Buffer.concat([png(), Buffer.from("trailing")]))).toBe(false);

    expect(isJpeg(jpeg())).toBe(true);
    expect(isJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x41, 0x42, 0xff, 0xd9]))).toBe(false);
    expect(isJpeg(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from("GIF89a...")]))).toBe(false);
    expect(await isValidMaterialFile("image/png", png())).toBe(true);
    expect(await isValidMaterialFile("image/jpeg", png())).toBe(false);
    expect(await isValidMaterialFile("text/html", png())).toBe(false);
  });
});
