/**
 * SM2/SM3 interoperability with OpenSSL 3 (ARCHITECTURE.md "crypto": every SM2 test cross-checks
 * with the openssl command line). Commands verified on OpenSSL 3.0:
 *   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out key.pem
 *   openssl pkey -in key.pem -pubout -outform DER                      (SubjectPublicKeyInfo)
 *   openssl pkeyutl -sign   -rawin -digest sm3 -pkeyopt distid:1234567812345678 -inkey key.pem -in msg -out sig.der
 *   openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678 -pubin -inkey pub.pem -in msg -sigfile sig.der
 *   openssl dgst -sm3 -r file
 */
import { describe, expect, it } from "vitest";
import { entryHash, GENESIS_HASH } from "./hash";
import { leafHash, merkleRoot, nodeHash } from "./merkle";
import {
  generateSealKeyPair,
  privateKeyToPem,
  publicKeyFromPem,
  publicKeyToPem,
  sm2PublicKeyOf,
  sm2Sign,
  sm2Verify,
  sm3Hex,
} from "./sm-crypto";

// Node's types are not part of the domain's program (tsconfig `types: []`), so the few Node
// functions the test needs are loaded untyped and given their signatures here.
const load = (name: string): Promise<unknown> => import(name);
const { execFileSync } = (await load("node:child_process")) as {
  execFileSync(file: string, args: string[], options?: { stdio?: string[] }): Uint8Array;
};
const { mkdtempSync, writeFileSync, readFileSync, rmSync } = (await load("node:fs")) as {
  mkdtempSync(prefix: string): string;
  writeFileSync(path: string, data: string | Uint8Array): void;
  readFileSync(path: string): Uint8Array;
  rmSync(path: string, options: { recursive: boolean; force: boolean }): void;
};
const { tmpdir } = (await load("node:os")) as { tmpdir(): string };

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
const text = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

const openssl = (...args: string[]): Uint8Array =>
  execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });
const SM2_SIGN = ["-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678"];

/** Runs `body` with a fresh temporary directory and removes it afterwards. */
const inTempDir = <T>(body: (file: (name: string) => string) => T): T => {
  const dir = mkdtempSync(`${tmpdir()}/yulin-sm2-`);
  try {
    return body((name) => `${dir}/${name}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const opensslVerifies = (
  file: (name: string) => string,
  pubPem: string,
  message: string | Uint8Array,
  sig: string,
) => {
  writeFileSync(file("pub.pem"), pubPem);
  writeFileSync(file("msg"), message);
  writeFileSync(file("sig.der"), fromHex(sig));
  try {
    const args = ["-pubin", "-inkey", file("pub.pem"), "-in", file("msg"), "-sigfile", file("sig.der")];
    return text(openssl("pkeyutl", "-verify", ...SM2_SIGN, ...args)).includes(
      "Signature Verified Successfully",
    );
  } catch {
    return false;
  }
};

const opensslSigns = (
  file: (name: string) => string,
  keyPem: string,
  message: string | Uint8Array,
): string => {
  writeFileSync(file("key.pem"), keyPem);
  writeFileSync(file("msg"), message);
  openssl(
    "pkeyutl",
    "-sign",
    ...SM2_SIGN,
    "-inkey",
    file("key.pem"),
    "-in",
    file("msg"),
    "-out",
    file("sig.der"),
  );
  return hex(readFileSync(file("sig.der")));
};

const messages = [
  "",
  "abc",
  '{"log":"yulin-register","rootHash":"00","treeSize":1}',
  "不动产权证书 浙(2026)杭州市不动产权第0000001号",
];

describe("SM2 with OpenSSL", () => {
  it("OpenSSL verifies what sm2Sign signs, and refuses an altered message", () => {
    inTempDir((file) => {
      for (let round = 0; round < 8; round++) {
        const { privateKey, publicKey } = generateSealKeyPair();
        const pem = publicKeyToPem(publicKey);
        for (const message of messages) {
          const signature = sm2Sign(message, privateKey);
          expect(opensslVerifies(file, pem, message, signature), `${message} / ${signature}`).toBe(true);
        }
        expect(opensslVerifies(file, pem, "abd", sm2Sign("abc", privateKey))).toBe(false);
      }
      const { privateKey, publicKey } = generateSealKeyPair();
      const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
      expect(opensslVerifies(file, publicKeyToPem(publicKey), bytes, sm2Sign(bytes, privateKey))).toBe(true);
    });
  });

  it("sm2Verify accepts what OpenSSL signs with a key OpenSSL generated", () => {
    inTempDir((file) => {
      openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", file("key.pem"));
      const keyPem = text(readFileSync(file("key.pem")));
      const spkiDer = hex(openssl("pkey", "-in", file("key.pem"), "-pubout", "-outform", "DER"));
      const publicKey = publicKeyFromPem(spkiDer);
      expect(publicKey).toMatch(/^04[0-9a-f]{128}$/);
      const publicPem = text(openssl("pkey", "-in", file("key.pem"), "-pubout"));
      expect(publicKeyFromPem(publicPem)).toBe(publicKey);
      expect(publicKeyToPem(publicKey!)).toBe(publicPem);
      for (const message of messages) {
        const signature = opensslSigns(file, keyPem, message);
        expect(sm2Verify(message, signature, publicKey!)).toBe(true);
        expect(sm2Verify(`${message}.`, signature, publicKey!)).toBe(false);
      }
    });
  });

  it("writes a private key OpenSSL loads, signs with and derives the same public key from", () => {
    inTempDir((file) => {
      const { privateKey, publicKey } = generateSealKeyPair();
      const keyPem = privateKeyToPem(privateKey);
      writeFileSync(file("key.pem"), keyPem);
      expect(text(openssl("pkey", "-in", file("key.pem"), "-pubout"))).toBe(publicKeyToPem(publicKey));
      expect(text(openssl("pkey", "-in", file("key.pem")))).toBe(keyPem);
      const signature = opensslSigns(file, keyPem, "登簿");
      expect(sm2Verify("登簿", signature, publicKey)).toBe(true);
    });
  });

  it("computes entry and Merkle hashes as `openssl dgst -sm3` does", () => {
    inTempDir((file) => {
      const dgst = (data: string | Uint8Array): string => {
        writeFileSync(file("data"), data);
        return text(openssl("dgst", "-sm3", "-r", file("data"))).slice(0, 64);
      };
      const body = { seq: 1, parcel: "330106001001GB00001", kind: "首次登记" };
      const first = entryHash(GENESIS_HASH, body);
      expect(dgst(`${GENESIS_HASH}{"kind":"首次登记","parcel":"330106001001GB00001","seq":1}`)).toBe(first);
      expect(sm3Hex("鱼鳞图册")).toBe(dgst("鱼鳞图册"));
      const second = entryHash(first, { seq: 2 });
      const leaf = (entry: string) => dgst(Uint8Array.of(0, ...fromHex(entry)));
      expect(leafHash(first)).toBe(leaf(first));
      const root = dgst(Uint8Array.of(1, ...fromHex(leaf(first)), ...fromHex(leaf(second))));
      expect(nodeHash(leafHash(first), leafHash(second))).toBe(root);
      expect(merkleRoot([first, second])).toBe(root);
    });
  });
});

describe("sm2Verify", () => {
  const { privateKey, publicKey } = generateSealKeyPair();
  const signature = sm2Sign("abc", privateKey);

  it("is false for another key, a malformed key or a malformed signature, never an exception", () => {
    expect(sm2Verify("abc", signature, publicKey)).toBe(true);
    expect(sm2Verify("abc", signature.toUpperCase(), publicKey)).toBe(true);
    expect(sm2Verify("abc", signature, generateSealKeyPair().publicKey)).toBe(false);
    expect(sm2Verify("abc", signature, publicKey.slice(2))).toBe(false);
    expect(sm2Verify("abc", signature, `04${"00".repeat(64)}`)).toBe(false);
    expect(sm2Verify("abc", "", publicKey)).toBe(false);
    expect(sm2Verify("abc", "zz", publicKey)).toBe(false);
    expect(sm2Verify("abc", signature.slice(0, -2), publicKey)).toBe(false);
    expect(sm2Verify("abc", `${signature}00`, publicKey)).toBe(false);
  });

  it("accepts only strict DER: minimal integers, 0 < r, s < n", () => {
    const der = fromHex(signature);
    const rLength = der[3]!;
    const r = der.subarray(4, 4 + rLength);
    const s = der.subarray(6 + rLength);
    const encode = (ints: Uint8Array[]) => {
      const body = ints.flatMap((int) => [0x02, int.length, ...int]);
      return hex(Uint8Array.of(0x30, body.length, ...body));
    };
    expect(encode([r, s])).toBe(signature);
    expect(sm2Verify("abc", encode([Uint8Array.of(0, ...r), s]), publicKey)).toBe(false);
    expect(sm2Verify("abc", encode([r, Uint8Array.of(0)]), publicKey)).toBe(false);
    const n = fromHex("00fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123");
    expect(sm2Verify("abc", encode([r, n]), publicKey)).toBe(false);
  });

  it("derives the public key of a private key and refuses keys out of range", () => {
    expect(sm2PublicKeyOf(privateKey)).toBe(publicKey);
    expect(() => sm2Sign("abc", "00".repeat(32))).toThrow(TypeError);
    expect(() => sm2Sign("abc", "ff".repeat(32))).toThrow(TypeError);
    expect(() => sm2Sign("abc", "12")).toThrow(TypeError);
    expect(() => publicKeyToPem("04")).toThrow(TypeError);
    expect(publicKeyFromPem("-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----")).toBeNull();
  });
});
