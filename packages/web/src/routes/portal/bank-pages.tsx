import { BankOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Row, Typography } from "antd";
import { Link, useNavigate } from "react-router";
import { useAccount } from "../../features/auth/hooks/use-account";
import { CaseListTable } from "../../features/cases/components/case-list-table";
import { useCaseList } from "../../features/cases/hooks/use-cases";
import { findServiceGuide } from "../../features/catalogue/catalogue";
import { HeldRestrictions } from "../../features/portal/components/held-restrictions";
import { MortgageCancel } from "../../features/portal/components/mortgage-cancel";
import { UnitSearch } from "../../features/register/components/unit-search";
import { PageHeader } from "../../features/shell/components/page-header";
import { pick, useLanguage, useT } from "../../i18n";
import { CertificatesPage } from "../hall/certificates-page";

const MORTGAGE_TYPES = [
  "mortgage.first.general",
  "mortgage.first.maximum",
  "mortgage.change",
  "mortgage.transfer",
  "combined.sale-with-mortgage.combined",
  "combined.sale-with-mortgage.segmented",
  "combined.sale-with-mortgage.change",
] as const;

/** `/portal/mortgages`: 抵押登记 — apply for a customer's mortgage, cancel one, follow the cases. */
export function MortgagesPage() {
  const t = useT();
  const { language } = useLanguage();
  const account = useAccount();
  const cases = useCaseList({});
  return (
    <>
      <PageHeader title={t("page.portal.mortgages")} subtitle={t("bank.intro")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("bank.apply")}>
            <Flex vertical gap={8}>
              {MORTGAGE_TYPES.map((id) => {
                const guide = findServiceGuide(id);
                return guide ? (
                  <Link key={id} to={`/portal/apply/${id}`} data-testid={`bank-apply-${id}`}>
                    <Button block icon={<BankOutlined aria-hidden />} style={{ textAlign: "start" }}>
                      {pick(guide.name, language)}
                      {guide.instant ? ` · ${t("catalogue.instant")}` : ""}
                    </Button>
                  </Link>
                ) : null;
              })}
              <Typography.Text type="secondary">{t("bank.borrowerConfirms")}</Typography.Text>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t("bank.cancelTitle")}>
            <MortgageCancel account={account} casePath={(id) => `/portal/cases/${id}`} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t("page.portal.cases")}>
            <CaseListTable
              cases={cases.data ?? []}
              loading={cases.isPending}
              pathOf={(id) => `/portal/cases/${id}`}
              testId="bank-cases"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** `/portal/collateral`: 抵押物查询 — the state of a collateral, and the bank's e-certifications. */
export function CollateralPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("page.portal.collateral")} subtitle={t("bank.collateralIntro")} />
      <Card size="small" title={t("held.mortgagesTitle")}>
        <HeldRestrictions kind="mortgage" unitPath={(code) => `/portal/units/${code}`} />
      </Card>
      <Card size="small">
        <UnitSearch openUnit={(code) => navigate(`/portal/units/${code}`)} />
      </Card>
      <CertificatesPage titleKey="page.portal.certifications" />
    </Flex>
  );
}
