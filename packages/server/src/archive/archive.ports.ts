import type { Actor } from "@yulin/domain";
import type { CaseDossier } from "../cases/case-dossier";
import type { RequestContext } from "../platform/audit/audit";

/** What the archive reads from the other capabilities (wired in entrypoints/setup.ts). */
export type ArchivePorts = {
  dossier(caseId: string): Promise<CaseDossier | undefined>;
  /** The case's own 归档 stage (cases/ workflow); safe to call on a case already archived. */
  archiveCase(ctx: RequestContext, caseId: string): Promise<void>;
  /** A register entry as the ledger keeps it, and its inclusion proof under a signed tree head. */
  registerEntry(seq: number): Promise<unknown>;
  inclusionProof(seq: number): Promise<unknown>;
  /** The case's certificates, with the sealed PDF when it is rendered. */
  certificatesOf(
    caseId: string,
  ): Promise<Array<{ id: string; number: string; kind: string; status: string; pdf: Buffer | null }>>;
  auditOf(caseId: string): Promise<unknown[]>;
  actorOf(username: string): Promise<Actor | undefined>;
  unitExists(unitCode: string): Promise<boolean>;
  seal: { publicKeyHex: string; publicKeyPem: string; sign(text: string): string };
  trustedPublicKeys(): Promise<string[]>;
};
