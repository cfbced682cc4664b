import {
  AppstoreAddOutlined,
  FileSearchOutlined,
  HomeOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
} from "@ant-design/icons";
import { AreaRoutes } from "../../features/shell/components/area-routes";
import { hallMenu } from "./hall.menu";

const icons = {
  applications: ProfileOutlined,
  services: AppstoreAddOutlined,
  properties: HomeOutlined,
  certificates: SafetyCertificateOutlined,
  queries: FileSearchOutlined,
};

/** 网上办事大厅 — the public hall for citizens and companies (`/hall/*`). */
export function HallArea() {
  return <AreaRoutes area="hall" titleKey="area.hall" entries={hallMenu} allowed={hallMenu} icons={icons} />;
}
