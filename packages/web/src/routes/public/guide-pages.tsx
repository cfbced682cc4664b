import { Card } from "antd";
import { CatalogueBrowser } from "../../features/catalogue/components/catalogue-browser";
import { GuidePageBody } from "../../features/catalogue/components/guide-page-body";
import { PageHeader } from "../../features/shell/components/page-header";
import { useT } from "../../i18n";

/** `/guide`: the public catalogue — every service's materials, fees and promised time, no login (阳光登记). */
export function PublicCataloguePage() {
  const t = useT();
  return (
    <Card>
      <PageHeader title={t("guide.publicTitle")} subtitle={t("catalogue.intro")} />
      <CatalogueBrowser applicableOnly={false} guidePath={(id) => `/guide/${encodeURIComponent(id)}`} />
    </Card>
  );
}

/** `/guide/:typeId`: one service's 办事指南 for anyone. */
export function PublicGuidePage() {
  return (
    <Card>
      <GuidePageBody backTo="/guide" />
    </Card>
  );
}
