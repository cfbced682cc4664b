/**
 * 电子证照 — the certificate as JSON for other departments (tax, housing, banks, courts): the
 * printed fields under their Chinese labels, the canonical data, and the seal that covers both
 * the data and the PDF. A department checks `seal.signature` over `seal.message` with the
 * registry's published key, then that `JSON.parse(seal.message).certificate` equals `data`.
 */
import {
  CERTIFICATE_KIND_NAMES,
  type CertificateData,
  holdersOf,
  notesText,
  recordPageRows,
} from "./certificate.content";

export const LICENCE_FORMAT = "yulin-electronic-licence/1";

export type ElectronicLicence = {
  format: typeof LICENCE_FORMAT;
  licenceType: string;
  number: string;
  issuer: { code: string; name: string };
  issuedOn: string;
  holders: Array<{ name: string; idType: string; idNumberMasked: string; share: string | null }>;
  /** 权利人, 共有情况, 坐落 … as printed. */
  fields: Record<string, string>;
  notes: string[];
  data: CertificateData;
  seal: {
    alg: "SM2-with-SM3";
    uid: string;
    publicKey: string;
    pdfSm3: string;
    message: string;
    signature: string;
  };
};

export const electronicLicence = (
  data: CertificateData,
  seal: { publicKeyHex: string; pdfSm3: string; messageText: string; signatureHex: string },
): ElectronicLicence => ({
  format: LICENCE_FORMAT,
  licenceType: CERTIFICATE_KIND_NAMES[data.kind].zh,
  number: data.number,
  issuer: data.office,
  issuedOn: data.registeredOn,
  holders: holdersOf(data).map((h) => ({
    name: h.name,
    idType: h.idType,
    idNumberMasked: h.idNumberMasked,
    share: h.share,
  })),
  fields: Object.fromEntries(recordPageRows(data).map((r) => [r.label, r.value])),
  notes: notesText(data),
  data,
  seal: {
    alg: "SM2-with-SM3",
    uid: "1234567812345678",
    publicKey: seal.publicKeyHex,
    pdfSm3: seal.pdfSm3,
    message: seal.messageText,
    signature: seal.signatureHex,
  },
});
