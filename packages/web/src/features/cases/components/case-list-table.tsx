import { Table, Typography } from "antd";
import { Link } from "react-router";
import { pick, useLanguage, useT } from "../../../i18n";
import type { CaseSummary } from "../api/cases.api";
import { chinaToday } from "../deadline";
import { DeadlineTag, StageTag } from "./stage-tag";

/** Cases in a list: 业务号, business, unit, stage and the deadline marker; a row opens the case. */
export function CaseListTable({
  cases,
  loading,
  pathOf,
  testId,
}: {
  cases: CaseSummary[];
  loading?: boolean;
  pathOf: (id: string) => string;
  testId?: string;
}) {
  const t = useT();
  const { language } = useLanguage();
  const today = chinaToday();
  return (
    <Table<CaseSummary>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={cases}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 880 }}
      data-testid={testId ?? "case-list"}
      locale={{ emptyText: t("case.list.empty") }}
      columns={[
        {
          title: t("case.id"),
          dataIndex: "id",
          width: 250,
          render: (id: string) => (
            <Link to={pathOf(id)} data-testid="case-link">
              <Typography.Text code>{id}</Typography.Text>
            </Link>
          ),
        },
        { title: t("case.type"), key: "type", render: (_, c) => pick(c.typeName, language) },
        { title: t("register.unitCode"), dataIndex: "unitCode", width: 250 },
        {
          title: t("case.stage"),
          dataIndex: "stage",
          width: 110,
          render: (s: string) => <StageTag stage={s} />,
        },
        {
          title: t("case.deadline"),
          key: "deadline",
          width: 190,
          render: (_, c) => (
            <DeadlineTag
              deadline={c.deadline}
              today={today}
              stage={c.stage}
              {...(c.clockPaused ? { paused: true } : {})}
            />
          ),
        },
      ]}
    />
  );
}
