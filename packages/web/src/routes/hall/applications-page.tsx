import { PlusOutlined } from "@ant-design/icons";
import { Button, Card } from "antd";
import { Link, useParams } from "react-router";
import { ApplicantCase } from "../../features/cases/components/applicant-case";
import { CaseListTable } from "../../features/cases/components/case-list-table";
import { useCaseList } from "../../features/cases/hooks/use-cases";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError } from "../../features/shell/components/query-error";
import { useT } from "../../i18n";

/** `/hall/applications` (and `/portal/cases`): the cases the account applied for or is a party to. */
export function ApplicationsPage({
  casePath,
  newPath,
  titleKey,
}: {
  casePath: (id: string) => string;
  newPath: string;
  titleKey: "page.hall.applications" | "page.portal.cases";
}) {
  const t = useT();
  const cases = useCaseList({});
  return (
    <>
      <PageHeader
        title={t(titleKey)}
        subtitle={t("applicant.listIntro")}
        extra={
          <Link to={newPath}>
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>
              {t("applicant.new")}
            </Button>
          </Link>
        }
      />
      <Card>
        {cases.isError ? <QueryError error={cases.error} retry={() => void cases.refetch()} /> : null}
        <CaseListTable
          cases={cases.data ?? []}
          loading={cases.isPending}
          pathOf={casePath}
          testId="my-cases"
        />
      </Card>
    </>
  );
}

/** `/hall/applications/:id` and `/portal/cases/:id`. */
export function ApplicationPage() {
  const { id = "" } = useParams();
  return <ApplicantCase key={id} id={id} />;
}
