import { type SignedTreeHead, verifyInclusion, verifyTreeHead } from "@yulin/domain";
import type { RegisterInclusionHook } from "./certificate-verification.service";

/** What the register's ledger service answers for `inclusionProof(seq)` (register/ledger.service.ts). */
export type LedgerInclusionSource = {
  inclusionProof(seq: number): Promise<{
    seq: number;
    index: number;
    entryHash: string;
    treeSize: number;
    proof: string[];
    head: SignedTreeHead & { publicKey: string };
  }>;
};

/**
 * The QR page's register check: the register's inclusion proof of the entry behind the
 * certificate, verified here as any third party would — the Merkle path against the head's root,
 * and the head's SM2 signature with a key the registry publishes.
 */
export function registerInclusionFrom(
  ledger: LedgerInclusionSource,
  trustedPublicKeys: () => Promise<string[]>,
): RegisterInclusionHook {
  return async (seq) => {
    const p = await ledger.inclusionProof(seq);
    const trusted = (await trustedPublicKeys()).includes(p.head.publicKey.toLowerCase());
    const verified =
      trusted &&
      verifyTreeHead(p.head, p.head.publicKey) &&
      verifyInclusion({
        leafHash: p.entryHash,
        index: p.index,
        treeSize: p.treeSize,
        proof: p.proof,
        root: p.head.rootHash,
      });
    return {
      verified,
      seq,
      entryHash: p.entryHash,
      treeSize: p.treeSize,
      rootHash: p.head.rootHash,
      signedAt: p.head.timestamp,
      proof: p.proof,
    };
  };
}
