import { useQuery } from "@tanstack/react-query";
import { Card, Col, Flex, Row, Select, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";
import { QueryError } from "../../shell/components/query-error";
import { fetchPublicStatistics } from "../api/transparency.api";

const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** 登记统计公开: one month's figures per office and type, disputes, complaints and compensation. */
export function PublicStatisticsView() {
  const t = useT();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const stats = useQuery({
    queryKey: ["public-statistics", month ?? "current"],
    queryFn: ({ signal }) => fetchPublicStatistics(month, signal),
  });
  const s = stats.data;
  const rateColumns = [
    { title: t("dashboard.submitted"), dataIndex: "submitted" },
    { title: t("dashboard.registered"), dataIndex: "registered" },
    { title: t("dashboard.averageDays"), dataIndex: "averageDays", render: (v: number | null) => v ?? "—" },
    { title: t("dashboard.onTimeRate"), dataIndex: "onTimeRate", render: pct },
    { title: t("dashboard.onlineRate"), dataIndex: "onlineRate", render: pct },
    { title: t("dashboard.instantRate"), dataIndex: "instantRate", render: pct },
  ];
  return (
    <Flex vertical gap={16} data-testid="public-statistics">
      <Typography.Title level={3}>{t("stats.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("stats.intro")}</Typography.Paragraph>
      <Flex gap={8} align="center">
        <span>{t("stats.month")}</span>
        <Select
          style={{ width: 140 }}
          value={s?.month}
          onChange={setMonth}
          options={(s?.months ?? []).map((m) => ({ value: m, label: m }))}
          data-testid="stats-month"
        />
      </Flex>
      {stats.isError ? <QueryError error={stats.error} /> : null}
      {s ? (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("stats.objections")} value={s.disputes.objections} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("stats.corrections")} value={s.disputes.corrections} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("stats.seizures")} value={s.disputes.seizures} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" data-testid="stats-complaints">
                <Statistic
                  title={t("stats.complaints")}
                  value={`${s.complaints.filed} / ${s.complaints.answered}`}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t("stats.byOffice")}>
            <Table
              size="small"
              rowKey="office"
              pagination={false}
              dataSource={s.byOffice}
              data-testid="stats-by-office"
              locale={{ emptyText: t("dashboard.empty") }}
              columns={[{ title: t("dashboard.office"), dataIndex: "name" }, ...rateColumns]}
            />
          </Card>
          <Card size="small" title={t("stats.byType")}>
            <Table
              size="small"
              rowKey="typeId"
              pagination={false}
              dataSource={s.byType}
              locale={{ emptyText: t("dashboard.empty") }}
              columns={[
                { title: t("stats.type"), dataIndex: "name" },
                { title: t("dashboard.promisedDays"), dataIndex: "promisedDays" },
                ...rateColumns,
              ]}
            />
          </Card>
          <Typography.Text type="secondary">
            {t("stats.compensation")}: {s.compensation.filed} / {s.compensation.paid}
          </Typography.Text>
        </>
      ) : null}
    </Flex>
  );
}
