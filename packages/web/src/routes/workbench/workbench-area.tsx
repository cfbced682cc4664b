import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CommentOutlined,
  ContainerOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  InboxOutlined,
  PrinterOutlined,
  SafetyOutlined,
  SearchOutlined,
  SettingOutlined,
} from "@ant-design/icons";
import { CalendarBanner } from "../../features/admin/components/calendar-banner";
import { useAccount } from "../../features/auth/hooks/use-account";
import { AreaRoutes } from "../../features/shell/components/area-routes";
import { AdminPage } from "./admin-page";
import { CasePage } from "./case-page";
import { InboxPage } from "./inbox-page";
import { IntegrationsPage } from "./integrations-page";
import { IntegrityAlertPage } from "./integrity-alert-page";
import { IntegrityPage } from "./integrity-page";
import { QueryQueuePage } from "./query-queue-page";
import { RegisterPage } from "./register-page";
import { SupervisionPage } from "./supervision-page";
import { ComplaintsPage, DashboardPage } from "./transparency-pages";
import { UnitPage } from "./unit-page";
import { workbenchMenu, workbenchMenuFor } from "./workbench.menu";

const pages = {
  accept: <InboxPage inbox="accept" />,
  review: <InboxPage inbox="review" />,
  record: <InboxPage inbox="record" />,
  prepare: <InboxPage inbox="prepare" />,
  issue: <InboxPage inbox="issue" />,
  archive: <InboxPage inbox="archive" />,
  register: <RegisterPage />,
  supervision: <SupervisionPage />,
  integrity: <IntegrityPage />,
  dashboard: <DashboardPage />,
  complaints: <ComplaintsPage />,
  integrations: <IntegrationsPage />,
  admin: <AdminPage />,
  queries: <QueryQueuePage />,
};
const extra = [
  { path: "units/:code", element: <UnitPage /> },
  { path: "cases/:id", element: <CasePage /> },
  { path: "integrity/:id", element: <IntegrityAlertPage /> },
];

const icons = {
  accept: InboxOutlined,
  review: AuditOutlined,
  record: BookOutlined,
  prepare: PrinterOutlined,
  issue: FileDoneOutlined,
  register: SearchOutlined,
  archive: ContainerOutlined,
  supervision: AlertOutlined,
  integrity: SafetyOutlined,
  dashboard: BarChartOutlined,
  complaints: CommentOutlined,
  integrations: ApiOutlined,
  admin: SettingOutlined,
  queries: FileSearchOutlined,
};

/** 内网工作台 — the registry staff's workbench (`/workbench/*`). */
export function WorkbenchArea() {
  const account = useAccount();
  return (
    <AreaRoutes
      area="workbench"
      titleKey="area.workbench"
      entries={workbenchMenu}
      allowed={workbenchMenuFor(account.roles)}
      icons={icons}
      pages={pages}
      extra={extra}
      banner={<CalendarBanner isAdmin={account.roles.some((r) => r.role === "admin")} />}
    />
  );
}
