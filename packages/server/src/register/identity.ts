import {
  type Finding,
  maskResidentId,
  parseCreditCode,
  parseResidentId,
  type Result,
  type SealedIdentity,
} from "@yulin/domain";
import type { PiiCipher } from "../platform/crypto/pii-cipher";

export type PlainIdentity = {
  name: string;
  /** 权利人类型: 1 个人, 2 企业, 3 事业单位, 4 国家机关, 99 其它. */
  holderType: string;
  /** 证件种类: 1 身份证, 8 统一社会信用代码 (6/7 with an 18-character code are read as credit codes) … */
  idType: string;
  idNumber: string | null;
};

const bad = (code: string, zh: string, en: string): Finding => ({
  code,
  severity: "block",
  message_zh: zh,
  message_en: en,
});

const maskOther = (v: string) =>
  v.length <= 4 ? "*".repeat(v.length) : `${v.slice(0, 2)}${"*".repeat(v.length - 4)}${v.slice(-2)}`;

/**
 * Validates an identity's number (resident ID checksum, credit code checksum) and seals it: the
 * register and its ledger keep the SM4 ciphertext, the keyed lookup hash and the masked form only.
 */
export function sealIdentity(pii: PiiCipher, who: PlainIdentity): Result<SealedIdentity, Finding[]> {
  const name = who.name.trim();
  if (!name) return { ok: false, error: [bad("REGISTER.HOLDER", "名称不能为空", "The name is required")] };
  const base = { name, holderType: who.holderType || "1", idType: who.idType || "1" };
  const raw = who.idNumber?.trim() ?? "";
  if (raw === "")
    return { ok: true, value: { ...base, idNumberEnc: null, idNumberHash: null, idNumberMasked: null } };
  let normalised: string;
  let masked: string;
  if (base.idType === "1") {
    const parsed = parseResidentId(raw);
    if (!parsed.ok) return parsed;
    normalised = parsed.value.id;
    masked = maskResidentId(normalised);
  } else if (base.idType === "8" || ((base.idType === "6" || base.idType === "7") && raw.length === 18)) {
    const parsed = parseCreditCode(raw);
    if (!parsed.ok) return parsed;
    normalised = parsed.value.code;
    masked = normalised; // a credit code is public (GB 32100)
  } else {
    if (raw.length > 64)
      return {
        ok: false,
        error: [bad("REGISTER.HOLDER", "证件号码过长", "The document number is too long")],
      };
    normalised = raw.toUpperCase();
    masked = maskOther(normalised);
  }
  return {
    ok: true,
    value: {
      ...base,
      idNumberEnc: pii.encrypt(normalised),
      idNumberHash: pii.lookupHash(normalised),
      idNumberMasked: masked,
    },
  };
}
