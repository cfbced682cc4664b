import { ConnectorError } from "../shared/http-client";
import type { SimulatorStore } from "../shared/simulator-store.repository";
import { sm3Hex } from "../shared/sm2";
import {
  type Acknowledgement,
  digestMatches,
  type NationalConnector,
  ZRegistrationLog,
} from "./national.connector";

const DEPARTMENT = "national";

/**
 * The national platform as Yulin meets it: it keeps one report per reportId, rejects malformed
 * reports (schema or digest) for good, sometimes times out (before or after keeping the report),
 * and loses a share of its acknowledgements: a lost one is issued when the report is sent again.
 * `random` decides the misbehaviour (seeded in tests).
 */
export function createNationalSimulator(deps: {
  store: SimulatorStore;
  now: () => Date;
  ackDropRate: number;
  timeoutRate: number;
  random?: () => number;
}): NationalConnector {
  const random = deps.random ?? Math.random;
  const timeout = () => new ConnectorError("national simulator: timed out", true, 504);

  async function issueAck(reportId: string, day: string): Promise<Acknowledgement | null> {
    const existing = await deps.store.get<Acknowledgement>(DEPARTMENT, "ack", reportId);
    if (existing) return { reportId, ackNo: existing.ackNo, ackedAt: existing.ackedAt };
    if (random() < deps.ackDropRate) return null;
    const ack = {
      reportId,
      ackNo: `HZ${sm3Hex(reportId).slice(0, 16).toUpperCase()}`,
      ackedAt: deps.now().toISOString(),
    };
    await deps.store.put(DEPARTMENT, "ack", reportId, { ...ack, day }, { onlyIfAbsent: true });
    return ack;
  }

  return {
    mode: "simulator",
    async report(input, _key) {
      const parsed = ZRegistrationLog.safeParse(input);
      if (!parsed.success || !digestMatches(parsed.data)) {
        await deps.store.put(DEPARTMENT, "rejected", sm3Hex(JSON.stringify(input)), {
          reportId: (input as { reportId?: unknown }).reportId ?? null,
          at: deps.now().toISOString(),
        });
        throw new ConnectorError(
          "national simulator: malformed registration log (报文格式或摘要错误)",
          false,
          400,
        );
      }
      const log = parsed.data;
      const roll = random();
      if (roll < deps.timeoutRate / 2) throw timeout();
      const day = chinaDay(log.registeredAt);
      await deps.store.put(DEPARTMENT, "report", log.reportId, { ...log, day }, { onlyIfAbsent: true });
      const received = await deps.store.get<{ count?: number }>(DEPARTMENT, "received", log.reportId);
      await deps.store.put(DEPARTMENT, "received", log.reportId, { count: (received?.count ?? 0) + 1 });
      const ack = await issueAck(log.reportId, day);
      // Kept, then the answer lost on the way back: the acknowledgement can still be fetched.
      if (roll < deps.timeoutRate) throw timeout();
      return { reportId: log.reportId, received: true, ack };
    },
    async acknowledgements(day) {
      const rows = await deps.store.list(DEPARTMENT, "ack");
      return rows
        .map((r) => r.data as Acknowledgement & { day: string })
        .filter((a) => a.day === day)
        .map(({ reportId, ackNo, ackedAt }) => ({ reportId, ackNo, ackedAt }));
    },
  };
}

/** The calendar day (UTC+8) of an instant, as the registrations are counted. */
export function chinaDay(at: string | Date): string {
  const t = typeof at === "string" ? Date.parse(at) : at.getTime();
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}
