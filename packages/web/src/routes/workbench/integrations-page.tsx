import { Button, Card, Flex } from "antd";
import { ConnectorsTable } from "../../features/operations/components/connectors-table";
import { OutboxMessages } from "../../features/operations/components/outbox-messages";
import { SimulatedSmsCard } from "../../features/operations/components/simulated-sms";
import { useConnectorName, useConnectors, useOutbox } from "../../features/operations/hooks/use-operations";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError } from "../../features/shell/components/query-error";
import { useT } from "../../i18n";

/** `/workbench/integrations`: 部门接口运维 — connectors' health and the outbox's dead letters (administrators). */
export function IntegrationsPage() {
  const t = useT();
  const connectors = useConnectors();
  const outbox = useOutbox();
  const nameOf = useConnectorName(connectors.data);
  const refresh = () => {
    void connectors.refetch();
    void outbox.messages.refetch();
  };
  return (
    <>
      <PageHeader
        title={t("page.workbench.integrations")}
        subtitle={t("operations.subtitle")}
        extra={
          <Button onClick={refresh} data-testid="operations-refresh">
            {t("common.refresh")}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small" title={t("operations.connectors")}>
          {connectors.isError ? (
            <QueryError error={connectors.error} retry={() => void connectors.refetch()} />
          ) : null}
          <ConnectorsTable
            connectors={connectors.data ?? []}
            loading={connectors.isPending}
            nameOf={nameOf}
            onShowDead={(connector) => {
              outbox.setStatus("dead");
              outbox.setConnector(connector);
            }}
          />
        </Card>
        <Card size="small" title={t("operations.messages")}>
          <OutboxMessages outbox={outbox} connectors={connectors.data ?? []} nameOf={nameOf} />
        </Card>
        <SimulatedSmsCard />
      </Flex>
    </>
  );
}
