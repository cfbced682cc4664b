import { describe, expect, it } from "vitest";
import { utf8 } from "../ledger/bytes";
import { sm3Hex } from "../ledger/hash";
import { generateSealKeyPair, sm2Sign } from "../ledger/sm-crypto";
import type { CertificateData } from "./certificate.content";
import { appendSealTrailer, sealMessageText, splitSealedPdf, verifySealedPdf } from "./certificate.seal";

const data = {
  v: 1,
  kind: "certificate",
  number: "粤（2025）佛山市不动产权第0000001号",
  office: { code: "440604", name: "佛山市禅城区不动产登记中心" },
  registeredOn: "2025-11-24",
  notes: [],
  replacement: null,
  title: {
    holders: [
      {
        name: "张三",
        kind: "person",
        idType: "居民身份证",
        idNumberMasked: "440***********1234",
        share: null,
      },
    ],
    coOwnership: "单独所有",
    location: "坐落",
    unitCode: "440604003001GB00012F00010015",
    rightType: "a",
    rightNature: "b",
    use: "c",
    area: "d",
    term: "e",
    otherState: [],
  },
} satisfies CertificateData;

/** A minimal PDF body: enough structure for the trailer (`startxref` … `%%EOF`). */
const body = utf8(
  "%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n27\n%%EOF\n",
);

describe("certificate seal (pure)", () => {
  const key = generateSealKeyPair();
  const { text } = sealMessageText({
    data,
    pdfSm3: sm3Hex(body),
    publicKeyHex: key.publicKey,
    signedAt: "2025-11-24T00:00:00.000Z",
  });
  const sealed = appendSealTrailer(body, text, sm2Sign(text, key.privateKey));

  it("appends the seal after %%EOF and repeats the body's startxref", () => {
    const tail = String.fromCharCode(...sealed.subarray(body.length));
    expect(tail).toMatch(
      /^%YULIN-SEAL\/1 message=[A-Za-z0-9+/=]+\n%YULIN-SEAL\/1 signature=[0-9a-f]+\nstartxref\n27\n%%EOF\n$/,
    );
    expect(splitSealedPdf(sealed)?.messageText).toBe(text);
  });

  it("verifies, and fails on any changed body byte, an unknown key or a swapped signature", () => {
    expect(verifySealedPdf(sealed, [key.publicKey])).toMatchObject({ ok: true });
    for (let i = 0; i < body.length; i += 7) {
      const t = sealed.slice();
      t[i] = t[i]! ^ 0x20;
      expect(verifySealedPdf(t, [key.publicKey]).ok).toBe(false);
    }
    expect(verifySealedPdf(sealed, [generateSealKeyPair().publicKey])).toMatchObject({
      ok: false,
      failure: "unknown-key",
    });
    const other = generateSealKeyPair();
    const forged = appendSealTrailer(body, text, sm2Sign(text, other.privateKey));
    expect(verifySealedPdf(forged, [key.publicKey])).toMatchObject({ ok: false, failure: "bad-signature" });
    expect(verifySealedPdf(body, [key.publicKey])).toEqual({ ok: false, failure: "no-seal" });
  });
});
