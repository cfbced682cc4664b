import {
  AppstoreAddOutlined,
  FileSearchOutlined,
  HomeOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
} from "@ant-design/icons";
import { AreaRoutes } from "../../features/shell/components/area-routes";
import { ApplicationPage, ApplicationsPage } from "./applications-page";
import { ApplyPage } from "./apply-page";
import { CertificatesPage } from "./certificates-page";
import { hallMenu } from "./hall.menu";
import { PropertiesPage, PropertyPage } from "./properties-page";
import { QueriesPage } from "./queries-page";
import { ServiceGuidePage } from "./service-guide-page";
import { ServicesPage } from "./services-page";

const icons = {
  applications: ProfileOutlined,
  services: AppstoreAddOutlined,
  properties: HomeOutlined,
  certificates: SafetyCertificateOutlined,
  queries: FileSearchOutlined,
};

const pages = {
  applications: (
    <ApplicationsPage
      titleKey="page.hall.applications"
      casePath={(id) => `/hall/applications/${id}`}
      newPath="/hall/services"
    />
  ),
  services: <ServicesPage />,
  properties: <PropertiesPage />,
  certificates: <CertificatesPage titleKey="page.hall.certificates" />,
  queries: <QueriesPage />,
};

const extra = [
  { path: "services/:typeId", element: <ServiceGuidePage /> },
  { path: "apply/:typeId", element: <ApplyPage area="hall" /> },
  { path: "applications/:id", element: <ApplicationPage /> },
  { path: "properties/:code", element: <PropertyPage /> },
];

/** 网上办事大厅 — the public hall for citizens and companies (`/hall/*`). */
export function HallArea() {
  return (
    <AreaRoutes
      area="hall"
      titleKey="area.hall"
      entries={hallMenu}
      allowed={hallMenu}
      icons={icons}
      pages={pages}
      extra={extra}
    />
  );
}
