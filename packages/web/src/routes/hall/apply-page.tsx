import { useParams } from "react-router";
import { useAccount } from "../../features/auth/hooks/use-account";
import { ApplyForm } from "../../features/cases/components/apply-form";
import { findServiceGuide } from "../../features/catalogue/catalogue";
import { PageHeader } from "../../features/shell/components/page-header";
import { NotFoundResult } from "../../features/shell/components/status-results";
import { pick, useLanguage, useT } from "../../i18n";

/** `/hall/apply/:typeId` (and the agent's `/portal/agency/apply/:typeId`): 在线申请. */
export function ApplyPage({ area }: { area: "hall" | "portal" }) {
  const t = useT();
  const { language } = useLanguage();
  const account = useAccount();
  const { typeId = "" } = useParams();
  const guide = findServiceGuide(typeId);
  if (!guide?.applicable) return <NotFoundResult />;
  const representative = account.institutionKind === "agent" ? "agent" : null;
  const casePath = (id: string) => (area === "hall" ? `/hall/applications/${id}` : `/portal/cases/${id}`);
  return (
    <>
      <PageHeader
        title={t("apply.title", { name: pick(guide.name, language) })}
        subtitle={t("apply.intro")}
      />
      <ApplyForm guide={guide} account={account} casePath={casePath} representative={representative} />
    </>
  );
}
