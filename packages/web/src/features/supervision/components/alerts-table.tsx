import { Segmented, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { pick, useLanguage, useT } from "../../../i18n";
import { QueryError } from "../../shell/components/query-error";
import type { AlertStatus, IntegrityAlert } from "../api/supervision.api";
import { useAlerts } from "../hooks/use-alerts";
import { AlertStatusTag } from "./alert-status-tag";

const FILTERS = ["open", "assigned", "explained", "justified", "escalated", "all"] as const;

/** 廉防预警列表: newest first, filtered by follow-up status (open ones until the supervisor picks others). */
export function AlertsTable() {
  const t = useT();
  const { language } = useLanguage();
  const [status, setStatus] = useState<AlertStatus | "all">("open");
  const alerts = useAlerts(status);
  const counts = alerts.data?.byStatus ?? {};
  return (
    <>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as AlertStatus | "all")}
        options={FILTERS.map((f) => ({
          value: f,
          label:
            f === "all"
              ? t("supervision.filter.all")
              : `${t(`supervision.status.${f}`)}${counts[f] ? ` ${counts[f]}` : ""}`,
        }))}
      />
      {alerts.isError ? <QueryError error={alerts.error} retry={() => void alerts.refetch()} /> : null}
      <Table<IntegrityAlert>
        size="small"
        rowKey="id"
        data-testid="alerts"
        loading={alerts.isPending}
        dataSource={alerts.data?.alerts ?? []}
        locale={{ emptyText: t("supervision.none") }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t("supervision.rule"),
            key: "rule",
            width: 220,
            render: (_, a) => (
              <Link to={`/workbench/integrity/${a.id}`}>
                {pick({ zh: a.ruleName_zh, en: a.ruleName_en }, language)}
              </Link>
            ),
          },
          { title: t("supervision.office"), dataIndex: "office", width: 90 },
          {
            title: t("supervision.summary"),
            key: "summary",
            render: (_, a) => pick({ zh: a.summary_zh, en: a.summary_en }, language),
          },
          {
            title: t("supervision.raisedAt"),
            dataIndex: "raisedAt",
            width: 170,
            render: (at: string) => new Date(at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }),
          },
          {
            title: t("supervision.statusColumn"),
            dataIndex: "status",
            width: 120,
            render: (s: AlertStatus) => <AlertStatusTag status={s} />,
          },
        ]}
      />
    </>
  );
}
