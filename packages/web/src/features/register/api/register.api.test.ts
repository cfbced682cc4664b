import { describe, expect, it } from "vitest";
import { looksLikeCertificateNumber, looksLikeUnitCode } from "./register.api";

describe("what a search box was given", () => {
  it("recognises certificate and certification numbers in either bracket style, with spaces", () => {
    expect(looksLikeCertificateNumber("粤（2026）佛山市不动产权第0001234号")).toBe(true);
    expect(looksLikeCertificateNumber("粤(2026)佛山市不动产证明第0000567号")).toBe(true);
    expect(looksLikeCertificateNumber(" 粤（2026） 佛山市不动产权第0001234号 ")).toBe(true);
    expect(looksLikeCertificateNumber("岭南花园1座202")).toBe(false);
    expect(looksLikeCertificateNumber("粤（2026）佛山市不动产权第123号")).toBe(false);
    expect(looksLikeCertificateNumber("440604001002GB00001F00010006")).toBe(false);
    expect(looksLikeUnitCode("440604 001002 GB00001 F00010006")).toBe(true);
  });
});
