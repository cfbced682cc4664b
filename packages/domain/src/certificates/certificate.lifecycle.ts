/**
 * The life of an issued certificate: its legal status (R26), paper printing and delivery, and what
 * a verification says. Pure: the server stores the states and asks these functions what may happen.
 */
import type { CertificateHolder } from "./certificate.content";

/**
 * R26 Certificates follow rights: `current` until a transfer, change, correction or cancellation
 * voids it (`void`), or a 补发/换发 replaces it (`replaced`). Neither ever becomes current again.
 */
export type CertificateStatus = "current" | "replaced" | "void";

/** Why a certificate stopped being current. */
export type VoidReason =
  | "transfer" // 转移登记
  | "change" // 变更登记 (a new certificate is issued)
  | "correction" // 更正登记
  | "cancellation" // 注销登记: the right itself ended
  | "revocation" // 撤销: the registration was annulled
  | "replacement"; // 补发/换发 (R26)

export const VOID_REASON_NAMES: Record<VoidReason, string> = {
  transfer: "转移登记",
  change: "变更登记",
  correction: "更正登记",
  cancellation: "注销登记",
  revocation: "撤销登记",
  replacement: "补发/换发",
};

export const statusAfterVoid = (reason: VoidReason): Exclude<CertificateStatus, "current"> =>
  reason === "replacement" ? "replaced" : "void";

export const canVoid = (status: CertificateStatus): boolean => status === "current";

export type PrintStatus = "queued" | "printed" | "cancelled";

/** 领证方式: at the counter, or by post (邮寄). */
export type DeliveryMethod = "pickup" | "post";
export type DeliveryStatus = "pending" | "dispatched" | "delivered" | "collected" | "returned";

const DELIVERY_NEXT: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  pending: ["dispatched", "collected"],
  dispatched: ["delivered", "returned"],
  returned: ["dispatched", "collected"],
  delivered: [],
  collected: [],
};

export const canMoveDelivery = (
  method: DeliveryMethod,
  from: DeliveryStatus,
  to: DeliveryStatus,
): boolean => {
  if (!DELIVERY_NEXT[from].includes(to)) return false;
  if (method === "pickup") return to === "collected";
  return to !== "collected" || from === "returned";
};

/**
 * 印制号 — the serial number pre-printed on the paper form (one form per certificate). Letters,
 * digits and hyphens; a leading `NO.` is dropped. Undefined when it cannot be a serial.
 */
export const normaliseFormSerial = (value: string): string | undefined => {
  const v = value
    .trim()
    .toUpperCase()
    .replace(/^NO[.:：]?\s*/, "");
  return /^[A-Z0-9][A-Z0-9-]{5,23}$/.test(v) ? v : undefined;
};

/** UPU S10 (EMS/China Post international-format) check digit over the 8 serial digits. */
const s10CheckDigit = (digits: string): number => {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
};

/**
 * A postal tracking number: UPU S10 (`EA123456785CN`, check digit verified) or a courier's 10–20
 * digit number (EMS domestic, SF …). Returns the normalised number or undefined.
 */
export const normaliseTrackingNumber = (value: string): string | undefined => {
  const v = value.replace(/\s+/g, "").toUpperCase();
  const s10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(v);
  if (s10) return s10CheckDigit(s10[2]!) === Number(s10[3]) ? v : undefined;
  return /^\d{10,20}$/.test(v) ? v : undefined;
};

/** How a person's name shows on the public verification page: 张* / 欧** ; organisations in full. */
export const maskHolderName = (holder: Pick<CertificateHolder, "name" | "kind">): string => {
  const name = holder.name.trim();
  if (holder.kind === "organisation") return name;
  const chars = [...name];
  if (chars.length <= 1) return "*";
  return `${chars[0]}${"*".repeat(chars.length - 1)}`;
};

export type SealCheck = "valid" | "invalid" | "pending";

export type Verdict = {
  /** The certificate was issued by this registry and its seal verifies. */
  genuine: boolean;
  status: CertificateStatus;
  message_zh: string;
  message_en: string;
};

/** What the QR page says (R26): genuine or not, and whether it is still the current certificate. */
export const verificationVerdict = (input: {
  status: CertificateStatus;
  seal: SealCheck;
  replacedByNumber: string | null;
  voidReason: VoidReason | null;
}): Verdict => {
  const genuine = input.seal !== "invalid";
  if (!genuine) {
    return {
      genuine,
      status: input.status,
      message_zh: "电子签章验证失败：证书数据与登记机构签章不符，请勿采信",
      message_en: "The electronic seal does not verify: do not rely on this certificate",
    };
  }
  if (input.status === "replaced") {
    const by = input.replacedByNumber ? `，现行证书为${input.replacedByNumber}` : "";
    return {
      genuine,
      status: input.status,
      message_zh: `该证书已因补发/换发作废${by}`,
      message_en: `This certificate was replaced and is void${input.replacedByNumber ? ` (now ${input.replacedByNumber})` : ""}`,
    };
  }
  if (input.status === "void") {
    const why = input.voidReason ? `（${VOID_REASON_NAMES[input.voidReason]}）` : "";
    return {
      genuine,
      status: input.status,
      message_zh: `该证书已作废${why}，不再证明现时权利`,
      message_en: `This certificate is void${input.voidReason ? ` (${input.voidReason})` : ""}: it no longer proves a current right`,
    };
  }
  return {
    genuine,
    status: input.status,
    message_zh: "证书真实有效，为现行证书",
    message_en: "The certificate is genuine and current",
  };
};
