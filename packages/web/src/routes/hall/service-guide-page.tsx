import { GuidePageBody } from "../../features/catalogue/components/guide-page-body";

/** `/hall/services/:typeId`: 办事指南 with the button to apply online. */
export function ServiceGuidePage() {
  return (
    <GuidePageBody backTo="/hall/services" applyPath={(id) => `/hall/apply/${encodeURIComponent(id)}`} />
  );
}
