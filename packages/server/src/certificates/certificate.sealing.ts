import crypto from "node:crypto";
import { appendSealTrailer, type CertificateData, sealMessageText } from "@yulin/domain";
import { systemContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { type CertificatePlans, renderCertificatePdf } from "./certificate.renderer";
import {
  type CertificateRow,
  findCertificate,
  leaseUnsealed,
  markIssued,
  setRenderError,
  setSealed,
  storeFile,
} from "./certificate.repository";
import { type SealKey, sealKeyFingerprint } from "./seal-key";

export type SealLog = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

const sm3 = (bytes: Uint8Array): string => crypto.createHash("sm3").update(bytes).digest("hex");

class LostRace extends Error {}

/**
 * Renders, seals and stores certificates off the registering transaction's critical path.
 *
 * The job is the certificate row itself: it is written by the registering transaction and is
 * "due" while it has no sealed file (`file_sm3 is null`), so the job exists exactly when the
 * registration commits. Workers lease due rows (`for update skip locked`, a lease that runs out if
 * a worker dies); a download or a QR scan that arrives first renders on demand. Whoever stores
 * first wins; the loser's transaction rolls back, so a certificate is sealed exactly once.
 */
export function createCertificateSealing(deps: {
  db: Database;
  key: SealKey;
  publicUrl: string;
  now: () => Date;
  pollMs?: number;
  log?: SealLog;
}) {
  const { db, key } = deps;
  const fingerprint = sealKeyFingerprint(key.publicKeyHex);
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let busy: Promise<unknown> = Promise.resolve();

  /** Renders the PDF body, signs {data, SM3(body)} and appends the seal lines. */
  async function renderSealed(
    row: CertificateRow,
  ): Promise<{ bytes: Buffer; pdfSm3: string; signature: string }> {
    const body = await renderCertificatePdf({
      data: row.data as CertificateData,
      plans: (row.plans ?? {}) as CertificatePlans,
      verifyUrl: `${deps.publicUrl}/verify/${row.verify_token}`,
      sealKeyFingerprint: fingerprint,
      createdAt: new Date(row.created_at),
    });
    const pdfSm3 = sm3(body);
    const { text } = sealMessageText({
      data: row.data as CertificateData,
      pdfSm3,
      publicKeyHex: key.publicKeyHex,
      signedAt: deps.now().toISOString(),
    });
    const signature = key.sign(text);
    return { bytes: Buffer.from(appendSealTrailer(body, text, signature)), pdfSm3, signature };
  }

  /** Seals one certificate unless it already is; returns the stored file's SM3. */
  async function sealOne(id: string): Promise<string> {
    const row = await findCertificate(db, { id });
    if (!row) throw new AppError("AUTH.FORBIDDEN");
    if (row.file_sm3) return row.file_sm3;
    const sealed = await renderSealed(row);
    const fileSm3 = sm3(sealed.bytes);
    const at = deps.now();
    try {
      await inTransaction(db, async (tx) => {
        await storeFile(tx, fileSm3, sealed.bytes);
        const won = await setSealed(tx, id, {
          fileSm3,
          pdfSm3: sealed.pdfSm3,
          publicKey: key.publicKeyHex,
          signature: sealed.signature,
          at,
        });
        if (!won) throw new LostRace();
        // Electronic certificates are issued (发证) to every recipient the moment they are sealed.
        const issued = await markIssued(tx, id, at);
        await writeAudit(tx, systemContext("certificate-sealing"), {
          action: "certificate.seal",
          outcome: "success",
          targetType: "certificate",
          targetId: id,
          jurisdiction: row.office,
          details: { number: row.number, fileSm3, pdfSm3: sealed.pdfSm3, bytes: sealed.bytes.length, issued },
        });
      });
      return fileSm3;
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      const winner = await findCertificate(db, { id });
      if (!winner?.file_sm3) throw new AppError("CERTIFICATE.RENDER_FAILED");
      return winner.file_sm3;
    }
  }

  /** Leases and seals due certificates, one at a time (rendering is CPU-bound). */
  async function sealDue(limit = 8): Promise<number> {
    const ids = await leaseUnsealed(db, limit, 60);
    for (const id of ids) {
      try {
        await sealOne(id);
      } catch (error) {
        deps.log?.error({ err: error, certificateId: id }, "certificate sealing failed");
        await setRenderError(db, id, (error as Error).message ?? String(error));
      }
    }
    return ids.length;
  }

  function schedule(delay: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      busy = sealDue()
        .catch((error) => deps.log?.error({ err: error }, "certificate sealing loop"))
        .then((n) => schedule(typeof n === "number" && n > 0 ? 0 : (deps.pollMs ?? 500)));
    }, delay);
    timer.unref?.();
  }

  return {
    publicKeyHex: key.publicKeyHex,
    fingerprint,
    sealOne,
    sealDue,
    /** Seals on demand (a download or a QR scan before the worker got there). */
    ensureSealed: sealOne,
    /** Seals until nothing is due (tests, CLI). */
    async drain(): Promise<number> {
      let total = 0;
      for (let n = await sealDue(); n > 0; n = await sealDue()) total += n;
      return total;
    },
    start(): void {
      if (running) return;
      running = true;
      schedule(0);
    },
    /** Call after a registering transaction commits: the holder gets the PDF within a second. */
    wake(): void {
      if (running && timer) schedule(0);
    },
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await busy;
    },
  };
}

export type CertificateSealing = ReturnType<typeof createCertificateSealing>;
