import { describe, expect, it } from "vitest";
import { dictionaries } from "../../i18n";
import {
  canRetry,
  connectorNameKey,
  formatTime,
  healthTag,
  OUTBOX_STATUSES,
  outboxQuery,
  statusLabelKey,
} from "./operations";

const zh = dictionaries["zh-CN"];

describe("the operator page's tags and filters", () => {
  it("colours a connector by its health: green ok, orange degraded, red failing", () => {
    expect(healthTag("ok")).toEqual({ color: "success", labelKey: "operations.health.ok" });
    expect(healthTag("degraded").color).toBe("warning");
    expect(healthTag("failing").color).toBe("error");
    expect(["ok", "degraded", "failing"].map((s) => zh[healthTag(s as "ok").labelKey])).toEqual([
      "正常",
      "不稳定",
      "故障",
    ]);
  });

  it("names every message status in both languages, dead letters first", () => {
    expect(OUTBOX_STATUSES[0]).toBe("dead");
    expect(OUTBOX_STATUSES.map((s) => zh[statusLabelKey(s)])).toEqual([
      "死信",
      "待发",
      "发送中",
      "已送达",
      "已跳过",
    ]);
    for (const status of OUTBOX_STATUSES) expect(dictionaries.en[statusLabelKey(status)]).toBeTruthy();
  });

  it("offers a retry only for dead-lettered or skipped messages", () => {
    expect(OUTBOX_STATUSES.filter((status) => canRetry({ status }))).toEqual(["dead", "skipped"]);
  });

  it("translates the departments' connectors and leaves a bank to its own name", () => {
    expect(connectorNameKey("tax")).toBe("operations.connector.tax");
    expect(connectorNameKey("elicence")).toBe("operations.connector.elicence");
    expect(connectorNameKey("bank:0b6f1c3e-0000-4000-8000-000000000001")).toBeNull();
  });

  it("builds the outbox query from the filters that are set", () => {
    expect(outboxQuery({ status: "dead", limit: 50 })).toBe("status=dead&limit=50");
    expect(outboxQuery({ status: "pending", connector: "bank:abc", topic: "" })).toBe(
      "status=pending&connector=bank%3Aabc",
    );
    expect(outboxQuery({})).toBe("");
  });

  it("shows times in China's time zone, and a dash for one that has not happened", () => {
    expect(formatTime(null)).toBe("—");
    expect(formatTime("2026-11-24T18:05:00.000Z")).toBe("2026-11-25 02:05:00");
  });
});
