import { Card, Flex } from "antd";
import { CaseListTable } from "../../features/cases/components/case-list-table";
import { useCaseList } from "../../features/cases/hooks/use-cases";
import { CatalogueBrowser } from "../../features/catalogue/components/catalogue-browser";
import { PageHeader } from "../../features/shell/components/page-header";
import { useT } from "../../i18n";

/** `/portal/agency`: 代办业务 — prepare applications for clients, who then confirm and e-sign. */
export function AgencyPage() {
  const t = useT();
  const cases = useCaseList({});
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("page.portal.agency")} subtitle={t("page.portal.agency.soon")} />
      <Card size="small" title={t("page.portal.cases")}>
        <CaseListTable
          cases={cases.data ?? []}
          loading={cases.isPending}
          pathOf={(id) => `/portal/cases/${id}`}
          testId="agency-cases"
        />
      </Card>
      <Card size="small" title={t("agency.new")}>
        <CatalogueBrowser applicableOnly guidePath={(id) => `/portal/guide/${encodeURIComponent(id)}`} />
      </Card>
    </Flex>
  );
}
