import { CatalogueBrowser } from "../../features/catalogue/components/catalogue-browser";
import { PageHeader } from "../../features/shell/components/page-header";
import { useT } from "../../i18n";

/** `/hall/services`: 办理业务 — the guided catalogue; each card opens its 办事指南. */
export function ServicesPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("page.hall.services")} subtitle={t("catalogue.intro")} />
      <CatalogueBrowser applicableOnly guidePath={(id) => `/hall/services/${encodeURIComponent(id)}`} />
    </>
  );
}
