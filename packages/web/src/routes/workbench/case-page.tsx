import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Typography } from "antd";
import { Link, useNavigate, useParams } from "react-router";
import { CaseCertificates } from "../../features/cases/components/case-certificates";
import { CaseMaterials } from "../../features/cases/components/case-materials";
import { CaseParties } from "../../features/cases/components/case-parties";
import { CaseTimeline } from "../../features/cases/components/case-timeline";
import { FindingsList } from "../../features/cases/components/findings-list";
import { RegisterPreview } from "../../features/cases/components/register-preview";
import { RepaymentNotice } from "../../features/cases/components/repayment-notice";
import { StaffActions } from "../../features/cases/components/staff-actions";
import { DeadlineTag, StageTag } from "../../features/cases/components/stage-tag";
import { TaxFeePanel } from "../../features/cases/components/tax-fee-panel";
import { chinaToday } from "../../features/cases/deadline";
import { useCase, useLiveFindings } from "../../features/cases/hooks/use-cases";
import { PageHeader } from "../../features/shell/components/page-header";
import { PageLoading } from "../../features/shell/components/page-loading";
import { QueryError } from "../../features/shell/components/query-error";
import { officeName } from "../../features/shell/office-name";
import { CaseUtilities } from "../../features/utilities/case-utilities";
import { pick, useLanguage, useT } from "../../i18n";

/** The rules' stage for the next step a member of staff may take. */
const ruleStageFor = (actions: readonly string[]) =>
  actions.includes("accept")
    ? "accept"
    : actions.includes("review")
      ? "review"
      : actions.includes("register")
        ? "register"
        : actions.includes("issue")
          ? "issue"
          : null;

/** `/workbench/cases/:id`: everything a member of staff needs to decide the case's next step. */
export function CasePage() {
  const t = useT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const view = useCase(id);
  const live = useLiveFindings(id, view.data ? ruleStageFor(view.data.nextActions) : null);
  if (view.isPending) return <PageLoading />;
  if (view.isError) return <QueryError error={view.error} retry={() => void view.refetch()} />;
  const c = view.data;
  const findings = live.data?.findings ?? c.findings ?? [];
  return (
    <>
      <PageHeader
        title={pick(c.typeName, language)}
        subtitle={
          <span>
            <Typography.Text code data-testid="case-id">
              {c.id}
            </Typography.Text>{" "}
            <StageTag stage={c.stage} />
          </span>
        }
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(-1)}>
            {t("common.back")}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 4 }}
            items={[
              {
                key: "unit",
                label: t("register.unitCode"),
                children: <Link to={`/workbench/units/${c.unitCode}`}>{c.unitCode}</Link>,
              },
              {
                key: "office",
                label: t("case.registeringOffice"),
                children: officeName(c.registeringOffice, t),
              },
              { key: "accepting", label: t("case.acceptingOffice"), children: c.acceptingOffice ?? "—" },
              {
                key: "deadline",
                label: t("case.deadline"),
                children: (
                  <DeadlineTag
                    deadline={c.deadline?.promised}
                    today={chinaToday()}
                    stage={c.stage}
                    {...(c.deadline?.paused ? { paused: true } : {})}
                  />
                ),
              },
            ]}
          />
          {c.correctionItems.length > 0 && c.stage === "correction" ? (
            <Alert
              type="warning"
              showIcon
              title={t("case.correctionItems")}
              description={
                <ul style={{ margin: 0 }}>
                  {c.correctionItems.map((i) => (
                    <li key={i}>{i}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <RepaymentNotice view={c} />
          <StaffActions view={c} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card
              size="small"
              title={t("case.findings")}
              extra={live.isFetching ? t("common.loading") : null}
            >
              <FindingsList findings={findings} />
            </Card>
            <Card size="small" title={t("case.preview")}>
              <RegisterPreview view={c} />
            </Card>
            <Card size="small" title={t("case.parties")}>
              <CaseParties view={c} />
            </Card>
            <Card size="small" title={t("case.materials")}>
              <CaseMaterials view={c} editable={["draft", "submitted", "correction"].includes(c.stage)} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={t("collab.title")}>
              <TaxFeePanel view={c} />
            </Card>
            <Card size="small" title={t("case.certificates")}>
              <CaseCertificates view={c} canPrint={c.nextActions.includes("issue") || c.stage === "issued"} />
            </Card>
            <CaseUtilities id={c.id} />
            <Card size="small" title={t("case.timeline")}>
              <CaseTimeline id={c.id} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
