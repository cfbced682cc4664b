import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Flex } from "antd";
import { useAccount } from "../../features/auth/hooks/use-account";
import { CaseListTable } from "../../features/cases/components/case-list-table";
import { INBOX_STAGES, type InboxName } from "../../features/cases/deadline";
import { useInbox } from "../../features/cases/hooks/use-inbox";
import { PrintQueue } from "../../features/certificates/components/print-queue";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError } from "../../features/shell/components/query-error";
import { type MessageKey, useT } from "../../i18n";

/** A stage's work queue for the member of staff's office, with deadline and overdue markers. */
export function InboxPage({ inbox }: { inbox: InboxName }) {
  const t = useT();
  const { cases, query } = useInbox(inbox);
  const account = useAccount();
  const issuerOffice = account.roles.find((r) => r.role === "issuer")?.jurisdiction ?? null;
  return (
    <>
      <PageHeader
        title={t(`page.workbench.${inbox === "archive" ? "archive" : inbox}` as MessageKey)}
        subtitle={t("case.inbox.subtitle", {
          stages: INBOX_STAGES[inbox]
            .map((s) => t(`case.stage.${s}` as MessageKey))
            .join(t("common.listSeparator")),
        })}
        extra={
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void query.refetch()}
            loading={query.isFetching}
          >
            {t("common.refresh")}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          {query.isError ? <QueryError error={query.error} retry={() => void query.refetch()} /> : null}
          <CaseListTable
            cases={cases}
            loading={query.isPending}
            pathOf={(id) => `/workbench/cases/${id}`}
            testId={`inbox-${inbox}`}
          />
        </Card>
        {inbox === "issue" && issuerOffice ? (
          <Card size="small" title={t("print.title")}>
            <PrintQueue office={issuerOffice} />
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
