import { useParams } from "react-router";
import { useAccount } from "../../features/auth/hooks/use-account";
import { ApplyForm } from "../../features/cases/components/apply-form";
import { SaleWithMortgageForm } from "../../features/cases/components/sale-with-mortgage-form";
import { modeOfTypeId } from "../../features/cases/sale-with-mortgage";
import { findServiceGuide } from "../../features/catalogue/catalogue";
import { PageHeader } from "../../features/shell/components/page-header";
import { NotFoundResult } from "../../features/shell/components/status-results";
import { pick, useLanguage, useT } from "../../i18n";

/**
 * `/hall/apply/:typeId` (and the agent's `/portal/agency/apply/:typeId`): 在线申请. 带押过户 has its
 * own form: its parts name different parties (buyer, seller, the new and the old bank).
 */
export function ApplyPage({ area }: { area: "hall" | "portal" }) {
  const t = useT();
  const { language } = useLanguage();
  const account = useAccount();
  const { typeId = "" } = useParams();
  const guide = findServiceGuide(typeId);
  if (!guide?.applicable) return <NotFoundResult />;
  const representative = account.institutionKind === "agent" ? "agent" : null;
  const swm = modeOfTypeId(typeId);
  const casePath = (id: string) => (area === "hall" ? `/hall/applications/${id}` : `/portal/cases/${id}`);
  return (
    <>
      <PageHeader
        title={t("apply.title", { name: pick(guide.name, language) })}
        subtitle={t("apply.intro")}
      />
      {swm ? (
        <SaleWithMortgageForm guide={guide} mode={swm} account={account} casePath={casePath} />
      ) : (
        <ApplyForm guide={guide} account={account} casePath={casePath} representative={representative} />
      )}
    </>
  );
}
