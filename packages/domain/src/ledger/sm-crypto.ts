/**
 * 国密 primitives for the ledger and the certificate seal: SM3 digests and SM2 signatures
 * (GB/T 32918) over sm-crypto-v2, which runs in the browser as well as in Node.
 *
 * SM2 signatures here are what OpenSSL and other 国密 stacks produce and accept:
 * - the digest is SM3(Z ‖ message), Z computed with the GB/T 35276 default user id
 *   `1234567812345678` (OpenSSL: `-pkeyopt distid:1234567812345678`); never Node's own SM2,
 *   which uses an empty id;
 * - the signature is DER: SEQUENCE { INTEGER r, INTEGER s }, written as lowercase hex;
 * - public keys are uncompressed points, hex `04 ‖ x ‖ y` (130 digits); private keys 64 digits.
 */
import { sm2, sm3 } from "sm-crypto-v2";
import { bytesToHex, fromBase64, hexToBytes, toBase64, toBytes } from "./bytes";

const USER_ID = "1234567812345678";
/** Order n of the SM2 base point. */
const CURVE_ORDER = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const PUBLIC_KEY = /^04[0-9a-fA-F]{128}$/;
const PRIVATE_KEY = /^[0-9a-fA-F]{64}$/;

/**
 * An SM3 implementation: the digest of the bytes (a string: its UTF-8 bytes) as 64 lowercase hex
 * digits. It must not keep a reference to its input (callers reuse buffers).
 */
export type Sm3Hasher = (data: string | Uint8Array) => string;

/** The portable SM3 of sm-crypto-v2: runs in the browser and in Node, about 10× slower than OpenSSL. */
export const portableSm3: Sm3Hasher = (data) => sm3(toBytes(data));

let hasher: Sm3Hasher = portableSm3;

/**
 * Puts another SM3 implementation behind `sm3Hex` (and the Merkle hashes), or the portable one
 * back with no argument. The server injects OpenSSL's (`node:crypto`) at start-up; the domain
 * itself does no IO and so cannot reach it. Both give the same digests (sm-crypto.test.ts).
 */
export function setSm3Hasher(next: Sm3Hasher = portableSm3): void {
  hasher = next;
}

/** SM3 digest as 64 lowercase hex digits; a string is hashed as its UTF-8 bytes. */
export const sm3Hex = (data: string | Uint8Array): string => hasher(data);

export type SealKeyPair = {
  /** 64 hex digits. */
  privateKey: string;
  /** Uncompressed point, `04…` (130 hex digits). */
  publicKey: string;
};

export function generateSealKeyPair(): SealKeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKey, publicKey };
}

/** The uncompressed public key (`04…`) of a private key. */
export function sm2PublicKeyOf(privateKeyHex: string): string {
  assertPrivateKey(privateKeyHex);
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex.toLowerCase());
}

/** SM2 signature (SM3 with Z of the default user id) over the message's bytes: DER, lowercase hex. */
export function sm2Sign(message: string | Uint8Array, privateKeyHex: string): string {
  assertPrivateKey(privateKeyHex);
  const raw = sm2.doSignature(toBytes(message), privateKeyHex.toLowerCase(), {
    hash: true,
    der: false,
    userId: USER_ID,
  });
  // Encoded here rather than by sm-crypto-v2 so that r and s are always minimal DER integers.
  return derSignature(BigInt(`0x${raw.slice(0, 64)}`), BigInt(`0x${raw.slice(64)}`));
}

/**
 * Verifies a DER signature made by `sm2Sign`, OpenSSL or any GB/T 32918 signer using the default
 * user id. Anything malformed (key, DER, r or s out of range) is `false`, never an exception.
 */
export function sm2Verify(
  message: string | Uint8Array,
  signatureDerHex: string,
  publicKeyHex: string,
): boolean {
  if (!PUBLIC_KEY.test(publicKeyHex)) return false;
  const rs = parseDerSignature(signatureDerHex);
  if (!rs) return false;
  try {
    return sm2.doVerifySignature(toBytes(message), rs, precomputedPoint(publicKeyHex.toLowerCase()), {
      hash: true,
      der: false,
      userId: USER_ID,
    });
  } catch {
    return false;
  }
}

type PublicPoint = ReturnType<typeof sm2.precomputePublicKey>;

/** Keys whose multiples are precomputed; a registering office verifies few distinct keys often. */
const MAX_PRECOMPUTED_KEYS = 256;
const precomputed = new Map<string, PublicPoint>();

/**
 * The public key as a curve point with precomputed multiples (noble-curves' window tables), kept
 * per key: verifying with it is about 5× faster than from the hex key (ARCHITECTURE.md "Facts").
 * A pure cache: the same key always gives the same point. The oldest key leaves when it is full.
 */
function precomputedPoint(publicKeyHex: string): PublicPoint {
  let point = precomputed.get(publicKeyHex);
  if (!point) {
    if (precomputed.size >= MAX_PRECOMPUTED_KEYS) precomputed.delete(precomputed.keys().next().value!);
    point = sm2.precomputePublicKey(publicKeyHex);
    precomputed.set(publicKeyHex, point);
  }
  return point;
}

// ── DER ─────────────────────────────────────────────────────────────────────────────────────────

function derInteger(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return `02${(hex.length / 2).toString(16).padStart(2, "0")}${hex}`;
}

function derSignature(r: bigint, s: bigint): string {
  const body = derInteger(r) + derInteger(s);
  return `30${(body.length / 2).toString(16).padStart(2, "0")}${body}`;
}

/** Strict DER (minimal lengths and integers, 1 ≤ r, s < n) → `r ‖ s` as 128 hex digits, else null. */
function parseDerSignature(signatureHex: string): string | null {
  if (!/^[0-9a-fA-F]{16,144}$/.test(signatureHex) || signatureHex.length % 2) return null;
  const der = hexToBytes(signatureHex);
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const values: bigint[] = [];
  let at = 2;
  for (let i = 0; i < 2; i++) {
    const length = der[at + 1];
    if (der[at] !== 0x02 || length === undefined || length < 1 || length > 33) return null;
    const bytes = der.subarray(at + 2, at + 2 + length);
    if (bytes.length !== length || bytes[0]! >= 0x80) return null;
    if (bytes[0] === 0 && (length === 1 || bytes[1]! < 0x80)) return null;
    const value = BigInt(`0x${bytesToHex(bytes)}`);
    if (value < 1n || value >= CURVE_ORDER) return null;
    values.push(value);
    at += 2 + length;
  }
  if (at !== der.length) return null;
  return values.map((value) => value.toString(16).padStart(64, "0")).join("");
}

// ── PEM ─────────────────────────────────────────────────────────────────────────────────────────

/** SubjectPublicKeyInfo { AlgorithmIdentifier { id-ecPublicKey 1.2.840.10045.2.1, sm2 1.2.156.10197.1.301 }, BIT STRING }. */
const SPKI_PREFIX = "3059301306072a8648ce3d020106082a811ccf5501822d034200";
/** PKCS#8 PrivateKeyInfo around an ECPrivateKey { 1, d, [1] public key }, as OpenSSL 3 writes it. */
const PKCS8_PREFIX = "308187020100301306072a8648ce3d020106082a811ccf5501822d046d306b0201010420";
const PKCS8_PUBLIC = "a144034200";

const pem = (label: string, derHex: string): string => {
  const lines = toBase64(hexToBytes(derHex)).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
};

/** The public key as an SM2 SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`), as OpenSSL loads it. */
export function publicKeyToPem(publicKeyHex: string): string {
  if (!PUBLIC_KEY.test(publicKeyHex))
    throw new TypeError("an SM2 public key is 04 followed by 128 hex digits");
  return pem("PUBLIC KEY", SPKI_PREFIX + publicKeyHex.toLowerCase());
}

/** The `04…` key of an SM2 SubjectPublicKeyInfo, PEM or DER hex; `null` if it is not one. */
export function publicKeyFromPem(pemOrDerHex: string): string | null {
  const text = pemOrDerHex.trim();
  let derHex: string;
  if (text.startsWith("-----BEGIN PUBLIC KEY-----")) {
    const body = text.match(/^-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----$/)?.[1];
    const der = body === undefined ? null : fromBase64(body);
    if (!der) return null;
    derHex = bytesToHex(der);
  } else {
    derHex = text.toLowerCase();
  }
  const key = derHex.slice(SPKI_PREFIX.length);
  return derHex.startsWith(SPKI_PREFIX) && PUBLIC_KEY.test(key) ? key : null;
}

/** The private key as unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), for OpenSSL or an HSM import. */
export function privateKeyToPem(privateKeyHex: string): string {
  const publicKey = sm2PublicKeyOf(privateKeyHex);
  return pem("PRIVATE KEY", PKCS8_PREFIX + privateKeyHex.toLowerCase() + PKCS8_PUBLIC + publicKey);
}

function assertPrivateKey(privateKeyHex: string): void {
  const d = PRIVATE_KEY.test(privateKeyHex) ? BigInt(`0x${privateKeyHex}`) : 0n;
  // GB/T 32918.1: d ∈ [1, n − 2].
  if (d < 1n || d > CURVE_ORDER - 2n)
    throw new TypeError("an SM2 private key is 64 hex digits in [1, n − 2]");
}
