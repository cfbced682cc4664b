import crypto from "node:crypto";
import { type Sm3Hasher, setSm3Hasher } from "@yulin/domain/ledger/sm-crypto";

/** SM3 through Node's OpenSSL: about 10× the portable implementation's speed (ARCHITECTURE.md "Facts"). */
export const opensslSm3: Sm3Hasher = (data) => crypto.createHash("sm3").update(data).digest("hex");

/**
 * Puts OpenSSL's SM3 behind the domain's `sm3Hex` (ledger hashes, Merkle nodes, seals): called
 * once at start-up by every process (`openServices`) and by the server's test setup. The digests
 * are the same as the portable one's (domain/ledger/sm3-hasher.test.ts).
 */
export function useOpensslSm3(): void {
  setSm3Hasher(opensslSm3);
}
