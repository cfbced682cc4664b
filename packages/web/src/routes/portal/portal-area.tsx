import {
  AuditOutlined,
  BankOutlined,
  BuildOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  LockOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { useAccount } from "../../features/auth/hooks/use-account";
import { AreaRoutes } from "../../features/shell/components/area-routes";
import { portalMenu, portalMenuFor } from "./portal.menu";

const icons = {
  mortgages: BankOutlined,
  collateral: FileSearchOutlined,
  seizures: LockOutlined,
  "seizure-list": UnorderedListOutlined,
  projects: BuildOutlined,
  "advance-notices": FileProtectOutlined,
  agency: SolutionOutlined,
  inheritance: AuditOutlined,
  collaboration: TeamOutlined,
};

/** 机构门户 — banks, courts, developers, agents, notaries and departments (`/portal/*`). */
export function PortalArea() {
  const account = useAccount();
  return (
    <AreaRoutes
      area="portal"
      titleKey="area.portal"
      entries={portalMenu}
      allowed={portalMenuFor(account.institutionKind)}
      icons={icons}
    />
  );
}
