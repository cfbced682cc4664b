/**
 * 电子签章 — the electronic seal of a certificate PDF, and how anyone verifies it offline.
 *
 * 1. The PDF is rendered (the "body": a complete PDF ending in `%%EOF`).
 * 2. The seal message is the canonical JSON of {format, alg, uid, publicKey, certificate (the
 *    canonical data), dataSm3, pdfSm3 = SM3(body), signedAt}.
 * 3. It is signed with the registry's SM2 key (SM3 digest, user id 1234567812345678, DER).
 * 4. The sealed file is the body followed by two PDF comment lines and a repeated trailer:
 *      %YULIN-SEAL/1 message=<base64 of the message>
 *      %YULIN-SEAL/1 signature=<hex DER signature>
 *      startxref
 *      <the body's own startxref offset>
 *      %%EOF
 *    PDF readers take the last `startxref`, which points at the body's own cross-reference table,
 *    so the file opens as before. A verifier cuts the file at the message line, hashes the body,
 *    and checks the digest and the signature with the published public key (docs/certificates.md
 *    shows the same with the openssl command line).
 */
import { concatBytes, fromBase64, toBase64, utf8 } from "../ledger/bytes";
import { canonicalJson } from "../ledger/canonical-json";
import { sm2Verify, sm3Hex } from "../ledger/sm-crypto";
import type { CertificateData } from "./certificate.content";

export const SEAL_FORMAT = "yulin-certificate-seal/1";
/** GB/T 35276 default signer id: what OpenSSL's `distid:1234567812345678` means. */
export const SM2_USER_ID = "1234567812345678";

export type SealMessage = {
  format: typeof SEAL_FORMAT;
  alg: "SM2-with-SM3";
  uid: typeof SM2_USER_ID;
  /** Uncompressed SM2 public key, hex (`04…`). */
  publicKey: string;
  certificate: CertificateData;
  /** SM3 of canonicalJson(certificate): lets a department check an electronic licence's data. */
  dataSm3: string;
  /** SM3 of the PDF body (everything before the seal lines). */
  pdfSm3: string;
  signedAt: string;
};

const MESSAGE_MARK = "%YULIN-SEAL/1 message=";
const SIGNATURE_MARK = "%YULIN-SEAL/1 signature=";

/** Strict UTF-8 decoding (throws on malformed bytes) without TextDecoder, which the domain lacks. */
const utf8Decode = (bytes: Uint8Array): string => {
  let escaped = "";
  for (const b of bytes)
    escaped += b < 0x80 && b !== 0x25 ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0")}`;
  return decodeURIComponent(escaped);
};

const lastIndexOf = (haystack: Uint8Array, needle: string): number => {
  const n = utf8(needle);
  outer: for (let i = haystack.length - n.length; i >= 0; i--) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
};

/** The body's own `startxref` offset (programmer error if the body is not a PDF). */
const startXref = (body: Uint8Array): number => {
  const at = lastIndexOf(body, "startxref");
  const match = at < 0 ? null : /^startxref\s+(\d+)/.exec(utf8Decode(body.subarray(at, at + 40)));
  if (!match) throw new Error("not a PDF: no startxref");
  return Number(match[1]);
};

export const certificateDataSm3 = (data: CertificateData): string => sm3Hex(canonicalJson(data));

/** The exact text that is signed. */
export const sealMessageText = (input: {
  data: CertificateData;
  pdfSm3: string;
  publicKeyHex: string;
  signedAt: string;
}): { message: SealMessage; text: string } => {
  const message: SealMessage = {
    format: SEAL_FORMAT,
    alg: "SM2-with-SM3",
    uid: SM2_USER_ID,
    publicKey: input.publicKeyHex.toLowerCase(),
    certificate: input.data,
    dataSm3: certificateDataSm3(input.data),
    pdfSm3: input.pdfSm3,
    signedAt: input.signedAt,
  };
  return { message, text: canonicalJson(message) };
};

/** Appends the seal lines and a repeated trailer to a rendered PDF body. */
export const appendSealTrailer = (
  body: Uint8Array,
  messageText: string,
  signatureHex: string,
): Uint8Array => {
  const newline = body[body.length - 1] === 0x0a ? "" : "\n";
  const tail =
    `${newline}${MESSAGE_MARK}${toBase64(utf8(messageText))}\n` +
    `${SIGNATURE_MARK}${signatureHex}\n` +
    `startxref\n${startXref(body)}\n%%EOF\n`;
  return concatBytes(body, utf8(tail));
};

export type SealedParts = { body: Uint8Array; messageText: string; signatureHex: string };

/** Cuts a sealed PDF into body, message and signature; undefined when it carries no seal. */
export const splitSealedPdf = (bytes: Uint8Array): SealedParts | undefined => {
  const at = lastIndexOf(bytes, MESSAGE_MARK);
  if (at < 0) return undefined;
  const lineEnd = bytes.indexOf(0x0a, at);
  const sigAt = lineEnd < 0 ? -1 : lastIndexOf(bytes, SIGNATURE_MARK);
  if (sigAt !== lineEnd + 1) return undefined;
  const sigEnd = bytes.indexOf(0x0a, sigAt);
  try {
    const decoded = fromBase64(utf8Decode(bytes.subarray(at + MESSAGE_MARK.length, lineEnd)));
    if (!decoded) return undefined;
    const messageText = utf8Decode(decoded);
    const signatureHex = utf8Decode(
      bytes.subarray(sigAt + SIGNATURE_MARK.length, sigEnd < 0 ? undefined : sigEnd),
    );
    if (!/^[0-9a-f]+$/i.test(signatureHex)) return undefined;
    return { body: bytes.subarray(0, at), messageText, signatureHex };
  } catch {
    return undefined;
  }
};

export type SealFailure =
  | "no-seal" // not a sealed certificate PDF
  | "malformed" // the seal lines do not parse
  | "digest-mismatch" // the PDF was changed after sealing
  | "unknown-key" // signed by a key that is not the registry's
  | "bad-signature"; // the signature does not verify

export type SealVerification =
  | { ok: true; message: SealMessage; messageText: string; signatureHex: string; pdfSm3: string }
  | { ok: false; failure: SealFailure; message?: SealMessage };

/** The SM2 check alone (a certificate's stored signature, or an electronic licence's seal). */
export const verifySealSignature = (
  messageText: string,
  signatureHex: string,
  publicKeyHex: string,
): boolean => sm2Verify(messageText, signatureHex, publicKeyHex);

/**
 * Verifies a sealed certificate PDF with the registry's published public keys (hex). Pure and
 * offline: the CLI, the server and a browser run the same function.
 */
export const verifySealedPdf = (
  bytes: Uint8Array,
  trustedPublicKeys: readonly string[],
): SealVerification => {
  const parts = splitSealedPdf(bytes);
  if (!parts)
    return { ok: false, failure: lastIndexOf(bytes, "%YULIN-SEAL/1") < 0 ? "no-seal" : "malformed" };
  let message: SealMessage;
  try {
    message = JSON.parse(parts.messageText) as SealMessage;
  } catch {
    return { ok: false, failure: "malformed" };
  }
  if (message?.format !== SEAL_FORMAT || canonicalJson(message) !== parts.messageText)
    return { ok: false, failure: "malformed" };
  const pdfSm3 = sm3Hex(parts.body);
  if (pdfSm3 !== message.pdfSm3 || certificateDataSm3(message.certificate) !== message.dataSm3)
    return { ok: false, failure: "digest-mismatch", message };
  const trusted = trustedPublicKeys.map((k) => k.toLowerCase());
  if (!trusted.includes(message.publicKey)) return { ok: false, failure: "unknown-key", message };
  if (!verifySealSignature(parts.messageText, parts.signatureHex, message.publicKey))
    return { ok: false, failure: "bad-signature", message };
  return { ok: true, message, messageText: parts.messageText, signatureHex: parts.signatureHex, pdfSm3 };
};
