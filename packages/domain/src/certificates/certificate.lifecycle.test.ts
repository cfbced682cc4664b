import { describe, expect, it } from "vitest";
import {
  canMoveDelivery,
  maskHolderName,
  normaliseFormSerial,
  normaliseTrackingNumber,
  statusAfterVoid,
  verificationVerdict,
} from "./certificate.lifecycle";

describe("certificate life cycle", () => {
  it("a replacement makes the old certificate replaced, anything else void (R26)", () => {
    expect(statusAfterVoid("replacement")).toBe("replaced");
    expect(statusAfterVoid("transfer")).toBe("void");
    expect(statusAfterVoid("cancellation")).toBe("void");
  });

  it("the QR verdict: a bad seal is never genuine, whatever the status", () => {
    expect(
      verificationVerdict({ status: "current", seal: "valid", replacedByNumber: null, voidReason: null }),
    ).toMatchObject({
      genuine: true,
      status: "current",
    });
    expect(
      verificationVerdict({ status: "current", seal: "invalid", replacedByNumber: null, voidReason: null })
        .genuine,
    ).toBe(false);
    const replaced = verificationVerdict({
      status: "replaced",
      seal: "valid",
      replacedByNumber: "粤（2026）佛山市不动产权第0000002号",
      voidReason: "replacement",
    });
    expect(replaced.message_zh).toContain("现行证书为粤（2026）佛山市不动产权第0000002号");
    expect(
      verificationVerdict({ status: "void", seal: "valid", replacedByNumber: null, voidReason: "transfer" })
        .message_zh,
    ).toBe("该证书已作废（转移登记），不再证明现时权利");
  });

  it("masks people's names on the public page but not organisations'", () => {
    expect(maskHolderName({ name: "张三", kind: "person" })).toBe("张*");
    expect(maskHolderName({ name: "欧阳娜娜", kind: "person" })).toBe("欧***");
    expect(maskHolderName({ name: "中国工商银行股份有限公司佛山分行", kind: "organisation" })).toBe(
      "中国工商银行股份有限公司佛山分行",
    );
  });

  it("normalises 印制号 and validates UPU S10 tracking numbers by their check digit", () => {
    expect(normaliseFormSerial("NO.44012345678")).toBe("44012345678");
    expect(normaliseFormSerial("no: ab-123456")).toBe("AB-123456");
    expect(normaliseFormSerial("12")).toBeUndefined();
    expect(normaliseTrackingNumber("EA 123456785 CN")).toBe("EA123456785CN");
    expect(normaliseTrackingNumber("AA473124829GB")).toBe("AA473124829GB");
    expect(normaliseTrackingNumber("EA123456784CN")).toBeUndefined();
    expect(normaliseTrackingNumber("1100123456789")).toBe("1100123456789");
  });

  it("moves postal deliveries through dispatch to delivery, pickups straight to collected", () => {
    expect(canMoveDelivery("post", "pending", "dispatched")).toBe(true);
    expect(canMoveDelivery("post", "pending", "collected")).toBe(false);
    expect(canMoveDelivery("post", "dispatched", "delivered")).toBe(true);
    expect(canMoveDelivery("post", "returned", "collected")).toBe(true);
    expect(canMoveDelivery("pickup", "pending", "collected")).toBe(true);
    expect(canMoveDelivery("pickup", "pending", "dispatched")).toBe(false);
    expect(canMoveDelivery("post", "delivered", "returned")).toBe(false);
  });
});
