import { Card, Flex } from "antd";
import { CaseListTable } from "../../features/cases/components/case-list-table";
import { RatingStatsCard } from "../../features/cases/components/rating-stats";
import { useDeadlineLists } from "../../features/cases/hooks/use-cases";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError } from "../../features/shell/components/query-error";
import { useT } from "../../i18n";

/** `/workbench/supervision`: 督办 — overdue and due-soon cases of the supervisor's jurisdiction, and 好差评. */
export function SupervisionPage() {
  const t = useT();
  const { overdue, dueSoon } = useDeadlineLists();
  return (
    <>
      <PageHeader title={t("page.workbench.supervision")} />
      <Flex vertical gap={16}>
        <Card size="small" title={t("case.supervision.overdue")}>
          {overdue.isError ? <QueryError error={overdue.error} /> : null}
          <CaseListTable
            cases={overdue.data?.cases ?? []}
            loading={overdue.isPending}
            pathOf={(id) => `/workbench/cases/${id}`}
            testId="overdue"
          />
        </Card>
        <Card size="small" title={t("case.supervision.dueSoon")}>
          {dueSoon.isError ? <QueryError error={dueSoon.error} /> : null}
          <CaseListTable
            cases={dueSoon.data?.cases ?? []}
            loading={dueSoon.isPending}
            pathOf={(id) => `/workbench/cases/${id}`}
            testId="due-soon"
          />
        </Card>
        <Card size="small" title={t("rating.supervision")}>
          <RatingStatsCard />
        </Card>
      </Flex>
    </>
  );
}
