import { UTILITY_NAMES, UTILITY_SERVICES, type UtilityService } from "@yulin/domain";
import type { IntegrationsConfig } from "../../platform/config";
import { createSignedClient } from "../shared/http-client";
import type { SimulatorStore } from "../shared/simulator-store.repository";
import {
  createHttpUtilityConnector,
  createUtilitySimulator,
  type UtilityConnector,
} from "./utilities.connector";

/** One connector per utility company: HTTP where configured (its replies checked), else simulated. */
export function createUtilityConnectors(deps: {
  config: IntegrationsConfig["utilities"];
  store: SimulatorStore;
  signingKey: { privateKey: string };
  ic: Pick<IntegrationsConfig, "connectorTimeoutMs" | "callbackMaxSkewSeconds">;
  now: () => Date;
}): Record<UtilityService, UtilityConnector> {
  const one = (service: UtilityService): UtilityConnector => {
    const http = deps.config[service];
    if (!http) return createUtilitySimulator({ service, store: deps.store, now: deps.now });
    const client = createSignedClient({
      baseUrl: http.url,
      privateKey: deps.signingKey.privateKey,
      timeoutMs: deps.ic.connectorTimeoutMs,
      now: deps.now,
      replyPublicKey: http.publicKey,
      replyMaxSkewMs: deps.ic.callbackMaxSkewSeconds * 1000,
    });
    return createHttpUtilityConnector(client, deps.now);
  };
  return Object.fromEntries(UTILITY_SERVICES.map((s) => [s, one(s)])) as Record<
    UtilityService,
    UtilityConnector
  >;
}

/** The operator page's rows: `utility:<service>` with the company's name and URL (none = simulator). */
export const utilityModes = (config: IntegrationsConfig["utilities"]) =>
  UTILITY_SERVICES.map((s) => ({
    connector: `utility:${s}`,
    label: `${UTILITY_NAMES[s].zh}公司 ${UTILITY_NAMES[s].en} company`,
    url: config[s]?.url,
  }));
