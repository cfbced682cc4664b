import type { Logger } from "pino";
import type { Config } from "../platform/config";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { createCadastreService } from "./cadastre.service";
import { createImporter } from "./import/importer";
import { useReceiptIssuer } from "./ledger";
import { createLedgerService, loadOrCreateSealKey } from "./ledger.service";
import { createLedgerSequencer, LEDGER_MAX_MERGE_DELAY_MS } from "./ledger-sequencer";
import type { CallerIdentities } from "./register.access";
import { createRegisterService, type RegisterReadDeps } from "./register.service";

export type RegisterModuleDeps = {
  db: Database;
  pii: PiiCipher;
  config: Pick<Config, "sealPrivateKeyHex" | "dataDir" | "ledgerBatchMs">;
  now: () => Date;
  /** Where the sequencer reports a failed batch (it retries at the next interval). */
  log: Pick<Logger, "error">;
  /** Who the caller is as a holder (identity's accounts and institutions). */
  identities: CallerIdentities;
  /** Certificates issued under a number (certificates/). */
  certificates: RegisterReadDeps["certificates"];
};

/**
 * The register 登记簿: reads, cadastre (codes), the ledger (heads and proofs), its sequencer
 * (started by the entrypoints) and the importer.
 */
export function createRegisterModule({
  db,
  pii,
  config,
  now,
  log,
  identities,
  certificates,
}: RegisterModuleDeps) {
  const seal = loadOrCreateSealKey(config.sealPrivateKeyHex, config.dataDir);
  useReceiptIssuer({ ...seal, now, maxMergeDelayMs: LEDGER_MAX_MERGE_DELAY_MS });
  const sequencer = createLedgerSequencer({
    db,
    seal,
    now,
    batchMs: config.ledgerBatchMs,
    onError: (err) => log.error({ err }, "ledger batch failed; retrying at the next interval"),
  });
  const ledger = createLedgerService({ db, seal, now, flush: (timeoutMs) => sequencer.flush(timeoutMs) });
  return {
    seal,
    ledger,
    sequencer,
    reads: createRegisterService({ db, pii, identities, certificates }),
    cadastre: createCadastreService({ db, now }),
    importer: createImporter({ db, pii, now, signHead: () => ledger.signCurrentHead() }),
  };
}

export type RegisterModule = ReturnType<typeof createRegisterModule>;
