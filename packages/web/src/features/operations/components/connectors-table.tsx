import { Button, Flex, Table, Tag, Tooltip, Typography } from "antd";
import { useT } from "../../../i18n";
import type { Connector } from "../api/operations.api";
import { formatTime, healthTag } from "../operations";

type Props = Readonly<{
  connectors: readonly Connector[];
  loading: boolean;
  nameOf: (connector: string) => string;
  /** Lists the connector's dead letters below. */
  onShowDead: (connector: string) => void;
}>;

/** 部门接口: each department's connector, its health, and what waits in or fell out of its queue. */
export function ConnectorsTable({ connectors, loading, nameOf, onShowDead }: Props) {
  const t = useT();
  return (
    <Table<Connector>
      size="small"
      rowKey="connector"
      loading={loading}
      dataSource={[...connectors]}
      pagination={false}
      scroll={{ x: 1020 }}
      locale={{ emptyText: t("operations.noConnectors") }}
      data-testid="connectors-table"
      columns={[
        {
          title: t("operations.connector"),
          key: "name",
          width: 220,
          render: (_, c) => (
            <Flex vertical gap={2}>
              <Typography.Text strong>{nameOf(c.connector)}</Typography.Text>
              <Tooltip title={c.url ?? undefined}>
                <Tag style={{ width: "fit-content" }}>{t(`operations.mode.${c.mode}`)}</Tag>
              </Tooltip>
            </Flex>
          ),
        },
        {
          title: t("operations.health"),
          dataIndex: "status",
          width: 110,
          render: (_, c) => {
            const tag = healthTag(c.status);
            return (
              <Tooltip
                title={
                  c.consecutiveFailures > 0
                    ? t("operations.consecutiveFailures", { count: c.consecutiveFailures })
                    : undefined
                }
              >
                <Tag color={tag.color} data-testid={`connector-health-${c.connector}`} data-status={c.status}>
                  {t(tag.labelKey)}
                </Tag>
              </Tooltip>
            );
          },
        },
        {
          title: t("operations.lastSuccess"),
          dataIndex: "lastSuccessAt",
          width: 170,
          render: (v: string | null) => formatTime(v),
        },
        {
          title: t("operations.lastFailure"),
          dataIndex: "lastFailureAt",
          width: 170,
          render: (v: string | null) => formatTime(v),
        },
        { title: t("operations.pending"), dataIndex: "pending", width: 96, align: "right" },
        {
          title: t("operations.dead"),
          dataIndex: "dead",
          width: 96,
          align: "right",
          render: (v: number, c) =>
            v > 0 ? (
              <Tooltip title={t("operations.showDead")}>
                <Button type="link" danger size="small" onClick={() => onShowDead(c.connector)}>
                  {v}
                </Button>
              </Tooltip>
            ) : (
              v
            ),
        },
        {
          title: t("operations.lastError"),
          dataIndex: "lastError",
          ellipsis: { showTitle: false },
          render: (v: string | null) =>
            v ? (
              <Tooltip title={v} placement="topLeft">
                <Typography.Text type="danger">{v}</Typography.Text>
              </Tooltip>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}
