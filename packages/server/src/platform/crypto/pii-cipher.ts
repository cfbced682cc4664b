import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Personal data at rest (resident ID and phone numbers): SM4-CBC with a random IV, then an
 * HMAC-SM3 tag over iv‖ciphertext (encrypt-then-MAC), and a separate keyed SM3 hash (HMAC-SM3)
 * so records can be found by the number without decrypting anything.
 */
export type PiiCipher = {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  lookupHash(plain: string): string;
};

const VERSION = "v1";

export function createPiiCipher(keyHex: string): PiiCipher {
  const master = Buffer.from(keyHex, "hex");
  if (master.length !== 32) throw new Error("PII key must be 32 bytes (64 hex characters)");
  // Separate subkeys for encryption, authentication and lookup, derived with HKDF-SM3.
  const derive = (label: string) =>
    Buffer.from(crypto.hkdfSync("sm3", master, Buffer.alloc(0), `yulin-pii-${label}`, 16));
  const encKey = derive("enc");
  const macKey = derive("mac");
  const lookupKey = derive("lookup");
  const mac = (data: Buffer) => crypto.createHmac("sm3", macKey).update(data).digest();

  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(16);
      const cipher = crypto.createCipheriv("sm4-cbc", encKey, iv);
      const body = Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}.${body.toString("base64")}.${mac(body).toString("base64")}`;
    },
    decrypt(sealed) {
      const [version, bodyB64, tagB64] = sealed.split(".");
      if (version !== VERSION || !bodyB64 || !tagB64) throw new Error("unknown PII envelope");
      const body = Buffer.from(bodyB64, "base64");
      const tag = Buffer.from(tagB64, "base64");
      const expected = mac(body);
      if (tag.length !== expected.length || !crypto.timingSafeEqual(tag, expected)) {
        throw new Error("PII envelope failed authentication");
      }
      const decipher = crypto.createDecipheriv("sm4-cbc", encKey, body.subarray(0, 16));
      return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString("utf8");
    },
    lookupHash(plain) {
      return crypto.createHmac("sm3", lookupKey).update(plain.trim().toUpperCase()).digest("hex");
    },
  };
}

/**
 * The key comes from YULIN_PII_KEY in production; the embedded default generates a key file
 * under the data directory on first start (mode 0600). Losing it makes stored numbers unreadable.
 */
export function loadOrCreatePiiKey(configured: string | undefined, dataDir: string): string {
  if (configured) return configured.toLowerCase();
  const file = path.join(dataDir, "keys", "pii.key");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  return key;
}

/** Random bearer/session token and the SM3 digest we store instead of it. */
export function newToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sm3").update(token).digest("hex");
}
