import { Timeline, Typography } from "antd";
import { useLanguage, useT } from "../../../i18n";
import { QueryError } from "../../shell/components/query-error";
import { officeName } from "../../shell/office-name";
import { useCaseTimeline } from "../hooks/use-cases";

/** 办理进度: every transition with time, office, acting post and written reasons. */
export function CaseTimeline({ id }: { id: string }) {
  const t = useT();
  const { language } = useLanguage();
  const timeline = useCaseTimeline(id);
  if (timeline.isError) return <QueryError error={timeline.error} />;
  const entries = timeline.data?.entries ?? [];
  if (entries.length === 0)
    return <Typography.Text type="secondary">{t("case.timeline.empty")}</Typography.Text>;
  return (
    <Timeline
      data-testid="case-timeline"
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: ["refused", "not-accepted"].includes(e.to)
          ? "red"
          : e.to === "correction"
            ? "orange"
            : "green",
        content: (
          <div>
            <Typography.Text strong>{t(`case.stage.${e.to}` as "case.stage.draft")}</Typography.Text>
            <Typography.Text type="secondary">
              {" "}
              · {new Date(e.at).toLocaleString(language)}
              {e.office ? ` · ${officeName(e.office, t)}` : ""} ·{" "}
              {t(`case.actor.${e.actorRole}` as "case.actor.applicant")}
            </Typography.Text>
            {e.reasons.length > 0 ? (
              <ul style={{ margin: "4px 0 0", paddingInlineStart: 18 }}>
                {e.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
