import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { recordConnectorFailure, recordConnectorSuccess } from "../../platform/outbox/outbox.repository";

/**
 * A direct (read-only) call to a department — fetching a contract or a licence changes nothing
 * there, so it does not go through the outbox — with its outcome counted in the connector's health.
 */
export async function callConnector<T>(
  db: Database,
  connector: string,
  now: () => Date,
  call: () => Promise<T>,
): Promise<T> {
  try {
    const result = await call();
    await recordConnectorSuccess(db, connector, now());
    return result;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = (error as Error).message ?? String(error);
    await recordConnectorFailure(db, connector, message, now());
    throw new AppError("CONNECTOR.UNAVAILABLE", { connector, reason: message.slice(0, 200) });
  }
}
