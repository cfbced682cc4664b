import { Card } from "antd";
import { useNavigate } from "react-router";
import { UnitSearch } from "../../features/register/components/unit-search";
import { PageHeader } from "../../features/shell/components/page-header";
import { useT } from "../../i18n";

/** `/workbench/register`: 登记簿查询 — find a unit by address or unit code. */
export function RegisterPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("page.workbench.register")} subtitle={t("register.search.intro")} />
      <Card>
        <UnitSearch openUnit={(code) => navigate(`/workbench/units/${code}`)} />
      </Card>
    </>
  );
}
