import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { QUERENT_KIND_NAMES, QUERY_PURPOSE_NAMES, type QuerentKind, type QueryPurpose } from "@yulin/domain";
import { Button, Card, Input, List, Space, Typography } from "antd";
import { useState } from "react";
import {
  decideQuery,
  fetchPendingQueries,
  type PendingQuery,
  queryKeys,
} from "../../features/queries/api/queries.api";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError } from "../../features/shell/components/query-error";
import { useT } from "../../i18n";

/** `/workbench/queries`: 查询审核 — material-backed query applications for the clerk. */
export function QueryQueuePage() {
  const t = useT();
  const pending = useQuery({
    queryKey: queryKeys.pending,
    queryFn: ({ signal }) => fetchPendingQueries(signal),
  });
  return (
    <>
      <PageHeader title={t("queries.queue")} subtitle={t("queries.queue.intro")} />
      <Card>
        {pending.isError ? <QueryError error={pending.error} /> : null}
        <List
          loading={pending.isPending}
          dataSource={pending.data ?? []}
          locale={{ emptyText: t("queries.queue.none") }}
          data-testid="query-queue"
          renderItem={(q) => <PendingItem query={q} />}
        />
      </Card>
    </>
  );
}

function PendingItem({ query }: { query: PendingQuery }) {
  const t = useT();
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      decideQuery(query.id, approve ? { approve: true } : { approve: false, reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.pending }),
  });
  const kind = QUERENT_KIND_NAMES[query.querentKind as QuerentKind];
  const purpose = QUERY_PURPOSE_NAMES[query.purpose as QueryPurpose];
  return (
    <List.Item>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Text strong>
          {query.number} · {query.querentName}（{kind?.zh ?? query.querentKind}）·{" "}
          {purpose?.zh ?? query.purpose} · {query.subject}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t("queries.due")}: {query.dueOn} · {query.proof.join("；")}
        </Typography.Text>
        <Space wrap>
          <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate(true)}>
            {t("queries.approve")}
          </Button>
          <Input
            aria-label={t("queries.refuseReason")}
            placeholder={t("queries.refuseReason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            style={{ width: 220 }}
          />
          <Button danger disabled={reason.trim().length < 2} onClick={() => decide.mutate(false)}>
            {t("queries.refuse")}
          </Button>
        </Space>
        {decide.isError ? <QueryError error={decide.error} /> : null}
      </Space>
    </List.Item>
  );
}
