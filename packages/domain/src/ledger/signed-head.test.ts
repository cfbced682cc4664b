import { describe, expect, it } from "vitest";
import { merkleRoot } from "./merkle";
import {
  generateSealKeyPair,
  signTreeHead,
  type TreeHead,
  treeHeadMessage,
  verifyTreeHead,
} from "./signed-head";
import { sm2Verify, sm3Hex } from "./sm-crypto";

const { privateKey, publicKey } = generateSealKeyPair();
const head: TreeHead = {
  treeSize: 3,
  rootHash: merkleRoot([sm3Hex("a"), sm3Hex("b"), sm3Hex("c")]),
  timestamp: "2026-11-24T10:00:00.000Z",
};

describe("signed tree heads", () => {
  it("sign the canonical JSON of the log name, root, time and size", () => {
    expect(treeHeadMessage(head)).toBe(
      `{"log":"yulin-register","rootHash":"${head.rootHash}","timestamp":"2026-11-24T10:00:00.000Z","treeSize":3}`,
    );
    const signed = signTreeHead(head, privateKey);
    expect(signed).toMatchObject(head);
    expect(signed.signature).toMatch(/^30[0-9a-f]+$/);
    expect(sm2Verify(treeHeadMessage(head), signed.signature, publicKey)).toBe(true);
  });

  it("verify with the registry's public key", () => {
    expect(verifyTreeHead(signTreeHead(head, privateKey), publicKey)).toBe(true);
    const empty = { treeSize: 0, rootHash: merkleRoot([]), timestamp: head.timestamp };
    expect(verifyTreeHead(signTreeHead(empty, privateKey), publicKey)).toBe(true);
  });

  it("fail when the size, root or timestamp is changed, or for another key", () => {
    const signed = signTreeHead(head, privateKey);
    expect(verifyTreeHead({ ...signed, treeSize: 4 }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...signed, rootHash: merkleRoot([sm3Hex("a")]) }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...signed, timestamp: "2026-11-24T10:00:00.001Z" }, publicKey)).toBe(false);
    expect(verifyTreeHead(signed, generateSealKeyPair().publicKey)).toBe(false);
    expect(verifyTreeHead({ ...signed, signature: "30" }, publicKey)).toBe(false);
  });

  it("are false rather than an error for malformed heads", () => {
    const signed = signTreeHead(head, privateKey);
    expect(verifyTreeHead({ ...signed, treeSize: -1 }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...signed, rootHash: signed.rootHash.toUpperCase() }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...signed, timestamp: "" }, publicKey)).toBe(false);
    expect(() => signTreeHead({ ...head, treeSize: 1.5 }, privateKey)).toThrow(TypeError);
  });
});
