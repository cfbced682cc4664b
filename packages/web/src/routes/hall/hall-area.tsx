import {
  AppstoreAddOutlined,
  FileSearchOutlined,
  HomeOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
} from "@ant-design/icons";
import { AreaRoutes } from "../../features/shell/components/area-routes";
import { hallMenu } from "./hall.menu";
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
  services: <ServicesPage />,
};

const extra = [{ path: "services/:typeId", element: <ServiceGuidePage /> }];

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
