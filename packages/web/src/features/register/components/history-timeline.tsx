import { Tag, Timeline, Typography } from "antd";
import { pickMessage, useLanguage, useT } from "../../../i18n";
import type { TimelineEvent } from "../api/register.api";

/** 不动产全生命周期: every register entry that touched the unit, its land or building, oldest first. */
export function HistoryTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <Timeline
      data-testid="history-timeline"
      items={events.map((e) => ({
        key: e.seq,
        color: e.scope === "unit" ? "blue" : "gray",
        content: (
          <div>
            <Typography.Text strong>
              {pickMessage({ message_zh: e.title_zh, message_en: e.title_en }, language)}
            </Typography.Text>{" "}
            <Tag>{t(`register.scope.${e.scope}`)}</Tag>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {new Date(e.at).toLocaleString(language)} · #{e.seq} · SM3 {e.hash.slice(0, 16)}…
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
