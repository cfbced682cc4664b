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
import { useNavigate, useParams } from "react-router";
import { useAccount } from "../../features/auth/hooks/use-account";
import { GuidePageBody } from "../../features/catalogue/components/guide-page-body";
import { UnitDetail } from "../../features/register/components/unit-detail";
import { AreaRoutes } from "../../features/shell/components/area-routes";
import { ApplicationPage } from "../hall/applications-page";
import { ApplyPage } from "../hall/apply-page";
import { AgencyPage } from "./agency-page";
import { CollateralPage, MortgagesPage } from "./bank-pages";
import { SeizureListPage, SeizuresPage } from "./court-pages";
import { NotaryPage } from "./notary-page";
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

function PortalUnitPage() {
  const { code = "" } = useParams();
  const navigate = useNavigate();
  return <UnitDetail key={code} code={code} openUnit={(next) => navigate(`/portal/units/${next}`)} />;
}

const pages = {
  mortgages: <MortgagesPage />,
  collateral: <CollateralPage />,
  seizures: <SeizuresPage />,
  "seizure-list": <SeizureListPage />,
  agency: <AgencyPage />,
  inheritance: <NotaryPage />,
};

const extra = [
  { path: "cases/:id", element: <ApplicationPage /> },
  { path: "apply/:typeId", element: <ApplyPage area="portal" /> },
  {
    path: "guide/:typeId",
    element: (
      <GuidePageBody backTo="/portal/agency" applyPath={(id) => `/portal/apply/${encodeURIComponent(id)}`} />
    ),
  },
  { path: "units/:code", element: <PortalUnitPage /> },
];

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
      pages={pages}
      extra={extra}
    />
  );
}
