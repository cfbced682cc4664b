import { App, Button, Flex, Popconfirm, Segmented, Select, Table, Tooltip, Typography } from "antd";
import { useT } from "../../../i18n";
import { QueryError, useErrorText } from "../../shell/components/query-error";
import type { Connector, OutboxMessage } from "../api/operations.api";
import { OUTBOX_PAGE_SIZE, type useOutbox, useRetryMessage } from "../hooks/use-operations";
import { canRetry, formatTime, OUTBOX_STATUSES, type OutboxStatus, statusLabelKey } from "../operations";

type Props = Readonly<{
  outbox: ReturnType<typeof useOutbox>;
  connectors: readonly Connector[];
  nameOf: (connector: string) => string;
}>;

/** Messages of the outbox by status and connector (dead letters first), with 重发 for dead letters. */
export function OutboxMessages({ outbox, connectors, nameOf }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const retry = useRetryMessage();
  const { status, setStatus, connector, setConnector, messages } = outbox;
  const rows = messages.data ?? [];

  const retryMessage = async (id: number) => {
    try {
      await retry.mutateAsync(id);
      message.success(t("operations.retried"));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const ellipsis = (v: string | null, type?: "danger") =>
    v ? (
      <Tooltip title={v} placement="topLeft">
        <Typography.Text type={type}>{v}</Typography.Text>
      </Tooltip>
    ) : (
      "—"
    );

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Segmented<OutboxStatus>
          value={status}
          onChange={setStatus}
          aria-label={t("operations.filterStatus")}
          data-testid="outbox-status-filter"
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(statusLabelKey(s)) }))}
        />
        <Select<string>
          allowClear
          value={connector ?? undefined}
          onChange={(v) => setConnector(v ?? null)}
          placeholder={t("operations.allConnectors")}
          aria-label={t("operations.filterConnector")}
          data-testid="outbox-connector-filter"
          style={{ minWidth: 220 }}
          options={connectors.map((c) => ({ value: c.connector, label: nameOf(c.connector) }))}
        />
      </Flex>
      {messages.isError ? <QueryError error={messages.error} retry={() => void messages.refetch()} /> : null}
      <Table<OutboxMessage>
        size="small"
        rowKey="id"
        loading={messages.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: status === "pending" ? 1290 : 1130 }}
        locale={{ emptyText: t("operations.noMessages") }}
        data-testid="outbox-messages"
        columns={[
          { title: t("operations.id"), dataIndex: "id", width: 64 },
          { title: t("operations.topic"), dataIndex: "topic", width: 170 },
          {
            title: t("operations.connector"),
            dataIndex: "connector",
            width: 160,
            ellipsis: { showTitle: false },
            render: (v: string) => ellipsis(nameOf(v)),
          },
          {
            title: t("operations.attempts"),
            key: "attempts",
            width: 90,
            align: "right",
            render: (_, m) => `${m.attempts} / ${m.maxAttempts}`,
          },
          // Only a pending message has a next attempt.
          ...(status === "pending"
            ? [
                {
                  title: t("operations.nextAttempt"),
                  dataIndex: "nextAttemptAt",
                  width: 160,
                  render: (v: string | null) => formatTime(v),
                },
              ]
            : []),
          {
            title: t("operations.lastError"),
            dataIndex: "lastError",
            width: 240,
            ellipsis: { showTitle: false },
            render: (v: string | null) => ellipsis(v, "danger"),
          },
          {
            title: t("operations.idempotencyKey"),
            dataIndex: "idempotencyKey",
            width: 200,
            ellipsis: { showTitle: false },
            render: (v: string) => ellipsis(v),
          },
          {
            title: t("operations.createdAt"),
            dataIndex: "createdAt",
            width: 160,
            render: (v: string) => formatTime(v),
          },
          {
            title: t("common.actions"),
            key: "actions",
            width: 90,
            fixed: "right",
            render: (_, m) =>
              canRetry(m) ? (
                <Popconfirm
                  title={t("operations.retryConfirm")}
                  onConfirm={() => retryMessage(m.id)}
                  okText={t("common.confirm")}
                  cancelText={t("common.cancel")}
                >
                  <Button size="small" data-testid={`outbox-retry-${m.id}`}>
                    {t("operations.retry")}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {rows.length >= OUTBOX_PAGE_SIZE ? (
        <Typography.Text type="secondary">
          {t("operations.newest", { count: OUTBOX_PAGE_SIZE })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
