import { PageHeader } from "../../features/shell/components/page-header";
import { ComplaintDesk } from "../../features/transparency/components/complaint-desk";
import { DashboardView } from "../../features/transparency/components/dashboard-view";
import { useT } from "../../i18n";

/** `/workbench/dashboard`: 一屏智判 for supervisors (city leader or office head). */
export function DashboardPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("page.workbench.dashboard")} />
      <DashboardView />
    </>
  );
}

/** `/workbench/complaints`: 投诉与赔偿 for supervisors. */
export function ComplaintsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("page.workbench.complaints")} />
      <ComplaintDesk />
    </>
  );
}
