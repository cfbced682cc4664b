import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Flex, Input, Row, Select, Statistic, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { useT } from "../../../i18n";
import { QueryError } from "../../shell/components/query-error";
import {
  type DashboardFigures,
  type DashboardQuery,
  dashboardCsvUrl,
  fetchDashboard,
} from "../api/transparency.api";
import { dashboardOptions } from "./dashboard-charts";
import { EChart } from "./echart";

const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** 一屏智判: the supervisor's period, office drill-down, KPIs, charts and CSV export. */
export function DashboardView() {
  const t = useT();
  const [query, setQuery] = useState<DashboardQuery>({});
  const figures = useQuery({
    queryKey: ["dashboards", query],
    queryFn: ({ signal }) => fetchDashboard(query, signal),
  });
  const f = figures.data;
  const options = useMemo(() => (f ? dashboardOptions(f, t) : null), [f, t]);
  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <Flex gap={8} wrap align="center">
        <span>{t("dashboard.period")}</span>
        <Input
          type="date"
          style={{ width: 160 }}
          value={query.from ?? f?.period.from ?? ""}
          onChange={(e) => setQuery((q) => ({ ...q, from: e.target.value }))}
          data-testid="dashboard-from"
        />
        <Input
          type="date"
          style={{ width: 160 }}
          value={query.to ?? f?.period.to ?? ""}
          onChange={(e) => setQuery((q) => ({ ...q, to: e.target.value }))}
          data-testid="dashboard-to"
        />
        {f && (f.view === "city" || query.office) ? (
          <Select
            style={{ width: 200 }}
            value={query.office ?? ""}
            onChange={(office) => setQuery((q) => ({ ...q, office: office || undefined }))}
            options={[
              { value: "", label: t("dashboard.allOffices") },
              ...officesOf(f).map((o) => ({ value: o.key, label: o.name })),
            ]}
          />
        ) : null}
        {f ? (
          <Tag color="blue">{t(f.view === "city" ? "dashboard.view.city" : "dashboard.view.office")}</Tag>
        ) : null}
        <Button href={dashboardCsvUrl(query)} data-testid="dashboard-csv">
          {t("dashboard.export")}
        </Button>
      </Flex>
      {figures.isError ? <QueryError error={figures.error} /> : null}
      {f && options ? <DashboardBody f={f} options={options} /> : null}
    </Flex>
  );
}

const officesOf = (f: DashboardFigures) => f.byOffice.filter((o) => o.key.length === 6);

function DashboardBody({
  f,
  options,
}: {
  f: DashboardFigures;
  options: ReturnType<typeof dashboardOptions>;
}) {
  const t = useT();
  const kpis = [
    [t("dashboard.submitted"), f.totals.submitted],
    [t("dashboard.registered"), f.totals.registered],
    [t("dashboard.onlineRate"), pct(f.totals.onlineRate)],
    [t("dashboard.instantRate"), pct(f.totals.instantRate)],
    [t("dashboard.onTimeRate"), pct(f.totals.onTimeRate)],
    [t("dashboard.averageDays"), f.totals.averageDays ?? "—"],
  ] as const;
  const chart = (key: keyof typeof options, title: string) => (
    <Col xs={24} lg={12} key={key}>
      <Card size="small" title={title}>
        <EChart option={options[key]!} testId={`chart-${key}`} />
      </Card>
    </Col>
  );
  return (
    <>
      <Row gutter={[12, 12]} data-testid="dashboard-kpis">
        {kpis.map(([label, value]) => (
          <Col xs={12} md={4} key={label}>
            <Card size="small">
              <Statistic title={label} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        {chart("byDay", t("dashboard.byDay"))}
        {chart("byType", t("dashboard.byType"))}
        {chart("byOffice", t("dashboard.byOffice"))}
        {chart("staff", t("dashboard.staff"))}
        {chart("mortgages", t("dashboard.mortgages"))}
        {chart("market", t("dashboard.market"))}
      </Row>
      <Card size="small" title={t("dashboard.byOffice")}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={f.byOffice}
          columns={[
            { title: t("dashboard.office"), dataIndex: "name" },
            { title: t("dashboard.submitted"), dataIndex: "submitted" },
            { title: t("dashboard.registered"), dataIndex: "registered" },
            { title: t("dashboard.onlineRate"), dataIndex: "onlineRate", render: pct },
            { title: t("dashboard.instantRate"), dataIndex: "instantRate", render: pct },
            { title: t("dashboard.onTimeRate"), dataIndex: "onTimeRate", render: pct },
            { title: t("dashboard.averageDays"), dataIndex: "averageDays" },
          ]}
        />
      </Card>
      <Card size="small" title={t("dashboard.backlog")}>
        <Table
          size="small"
          rowKey={(b) => `${b.office}:${b.stage}`}
          pagination={false}
          dataSource={f.backlog}
          locale={{ emptyText: t("dashboard.empty") }}
          columns={[
            { title: t("dashboard.office"), dataIndex: "name" },
            { title: "stage", dataIndex: "stage" },
            { title: t("dashboard.count"), dataIndex: "open" },
            { title: t("dashboard.overdue"), dataIndex: "overdue" },
          ]}
        />
      </Card>
    </>
  );
}
