import zlib from "node:zlib";
import { PDFDocument } from "pdf-lib";

/**
 * Accepted material files, parsed rather than sniffed by their first bytes (issue 17: a file that
 * only started with `%PDF-` was taken for a PDF). Each check reads the structure a viewer needs:
 * - PDF: pdf-lib loads the document (objects, cross-reference, trailer, catalogue) and finds at
 *   least one page; an encrypted PDF is refused (it cannot be read or archived).
 * - PNG: the signature, then every chunk's length and CRC-32, IHDR first with sane dimensions,
 *   IDAT present, IEND last with nothing after it.
 * - JPEG: SOI, then the marker segments in order up to a start-of-frame with sane dimensions and
 *   a start-of-scan, and EOI at the end.
 * - OFD (GB/T 33190): a zip container whose central directory is found and names `OFD.xml`.
 */
export const MATERIAL_TYPES = ["application/pdf", "image/jpeg", "image/png", "application/ofd"] as const;

export async function isValidMaterialFile(mediaType: string, bytes: Buffer): Promise<boolean> {
  if (bytes.length === 0) return false;
  switch (mediaType) {
    case "application/pdf":
      return isPdf(bytes);
    case "image/png":
      return isPng(bytes);
    case "image/jpeg":
      return isJpeg(bytes);
    case "application/ofd":
      return isOfd(bytes);
    default:
      return false;
  }
}

async function isPdf(bytes: Buffer): Promise<boolean> {
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") return false;
  if (
    !bytes
      .subarray(Math.max(0, bytes.length - 1024))
      .toString("latin1")
      .includes("%%EOF")
  )
    return false;
  try {
    const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    return !doc.isEncrypted && doc.getPageCount() > 0;
  } catch {
    return false;
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_PIXELS_SIDE = 30_000;

export function isPng(b: Buffer): boolean {
  if (b.length < 8 + 25 + 12 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  let at = 8;
  let first = true;
  let sawData = false;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString("latin1");
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > b.length || !/^[A-Za-z]{4}$/.test(type)) return false;
    const crc = b.readUInt32BE(at + 8 + length);
    if (zlib.crc32(b.subarray(at + 4, at + 8 + length)) !== crc) return false;
    if (first) {
      if (type !== "IHDR" || length !== 13) return false;
      const width = b.readUInt32BE(at + 8);
      const height = b.readUInt32BE(at + 12);
      if (width === 0 || height === 0 || width > MAX_PIXELS_SIDE || height > MAX_PIXELS_SIDE) return false;
      first = false;
    }
    if (type === "IDAT") sawData = true;
    if (type === "IEND") return sawData && end === b.length;
    at = end;
  }
  return false;
}

export function isJpeg(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return false;
  if (b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return false;
  let at = 2;
  let frame = false;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return false;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > b.length) return false;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width, components.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (length < 8) return false;
      const height = b.readUInt16BE(at + 5);
      const width = b.readUInt16BE(at + 7);
      if (height === 0 || width === 0) return false;
      frame = true;
    }
    // Start of scan: entropy-coded data follows up to EOI, which was checked at the end.
    if (marker === 0xda) return frame;
    at += 2 + length;
  }
  return false;
}

function isOfd(b: Buffer): boolean {
  if (!b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return false;
  // End of central directory: within the last 64 KiB + 22 bytes.
  const tail = b.subarray(Math.max(0, b.length - 65_557));
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return false;
  const entries = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (entries === 0 || offset + size > b.length) return false;
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return false;
    const nameLength = b.readUInt16LE(at + 28);
    const name = b.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (name === "OFD.xml") return true;
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return false;
}
