import { CheckOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Steps, Typography } from "antd";
import { useState } from "react";
import { pick, useLanguage, useT } from "../../../i18n";
import { useAccount } from "../../auth/hooks/use-account";
import { findServiceGuide } from "../../catalogue/catalogue";
import { CancelMortgageButton } from "../../portal/components/cancel-mortgage-button";
import { PageHeader } from "../../shell/components/page-header";
import { PageLoading } from "../../shell/components/page-loading";
import { QueryError, useErrorText } from "../../shell/components/query-error";
import { officeName } from "../../shell/office-name";
import { CaseUtilities } from "../../utilities/case-utilities";
import type { SubmitResult } from "../api/cases.api";
import { CLOSED_STAGES, chinaToday, MAIN_STAGES, stageIndex } from "../deadline";
import { useApplicantActions, useCase, useLiveFindings } from "../hooks/use-cases";
import { CaseCertificates } from "./case-certificates";
import { CaseMaterials } from "./case-materials";
import { CaseParties } from "./case-parties";
import { CaseRating } from "./case-rating";
import { CaseTimeline } from "./case-timeline";
import { FindingsList } from "./findings-list";
import { InviteParty } from "./invite-party";
import { RepaymentNotice } from "./repayment-notice";
import { DeadlineTag, StageTag } from "./stage-tag";

const FINISHED = ["registered", "certified", "issued", "archived"];

/** The applicant's and parties' view of a case: progress, confirm and e-sign, materials, submit, certificates, rating. */
export function ApplicantCase({ id }: { id: string }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const account = useAccount();
  const view = useCase(id);
  const actions = useApplicantActions(id);
  const [submitted, setSubmitted] = useState<SubmitResult | null>(null);
  const editable = view.data ? ["draft", "correction"].includes(view.data.stage) : false;
  const live = useLiveFindings(id, editable ? "submit" : null);
  if (view.isPending) return <PageLoading />;
  if (view.isError) return <QueryError error={view.error} retry={() => void view.refetch()} />;
  const c = view.data;
  const closed = CLOSED_STAGES.includes(c.stage);
  const can = (a: string) => c.nextActions.includes(a);
  const run = async (what: "confirm" | "submit" | "withdraw") => {
    try {
      const result = await actions[what].mutateAsync();
      if (what === "submit") setSubmitted(result as SubmitResult);
      const pending = what === "withdraw" && (result as { stage: string }).stage !== "withdrawn";
      message.success(t(pending ? "applicant.withdraw.pending" : `applicant.${what}.done`));
      // 零材料: confirming is the party's consent; its own licences are fetched into the case.
      if (what === "confirm") await fetchOwnLicences();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const fetchOwnLicences = async () => {
    const own = (findServiceGuide(c.typeId)?.materials ?? []).filter((m) => m.fetched === "elicence");
    for (const m of own) {
      try {
        await actions.fetchMaterial.mutateAsync(m.id);
        message.success(t("case.materials.fetched", { name: pick(m.name, language) }));
      } catch (error) {
        message.warning(errorText(error));
      }
    }
  };
  const findings = submitted?.findings ?? live.data?.findings ?? c.findings ?? [];

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
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          responsive
          current={stageIndex(c.stage)}
          status={closed ? "error" : c.stage === "correction" ? ("warning" as never) : undefined}
          items={MAIN_STAGES.map((s) => ({ title: t(`applicant.step.${s}`) }))}
          data-testid="case-steps"
        />
      </Card>
      {submitted?.instant.route === "automatic" ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("applicant.instantDone")}
          data-testid="instant-done"
        />
      ) : null}
      {c.correctionItems.length > 0 && c.stage === "correction" ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
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
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t("applicant.summary")}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2, xl: 1, xxl: 2 }}
                items={[
                  { key: "unit", label: t("register.unitCode"), children: c.unitCode },
                  {
                    key: "office",
                    label: t("case.registeringOffice"),
                    children: officeName(c.registeringOffice, t),
                  },
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
                  {
                    key: "sm3",
                    label: t("applicant.contentSm3"),
                    children: (
                      <Typography.Text code style={{ fontSize: 11 }}>
                        {c.contentSm3.slice(0, 24)}…
                      </Typography.Text>
                    ),
                  },
                ]}
              />
              <Flex gap={8} wrap style={{ marginTop: 12 }}>
                {can("confirm") ? (
                  <Button
                    type="primary"
                    icon={<CheckOutlined aria-hidden />}
                    loading={actions.confirm.isPending}
                    onClick={() => void run("confirm")}
                    data-testid="case-confirm"
                  >
                    {t("applicant.confirm")}
                  </Button>
                ) : null}
                {can("submit") || can("resubmit") ? (
                  <Button
                    type="primary"
                    icon={<SendOutlined aria-hidden />}
                    loading={actions.submit.isPending}
                    onClick={() => void run("submit")}
                    data-testid="case-submit"
                  >
                    {t(can("resubmit") ? "applicant.resubmit" : "applicant.submit")}
                  </Button>
                ) : null}
                <CancelMortgageButton view={c} account={account} />
                {can("withdraw") && !c.withdrawal?.agreedByYou ? (
                  <Popconfirm
                    title={t(c.withdrawal ? "applicant.withdrawAgreeConfirm" : "applicant.withdrawConfirm")}
                    onConfirm={() => void run("withdraw")}
                    okText={t("common.confirm")}
                    cancelText={t("common.cancel")}
                  >
                    <Button danger data-testid="case-withdraw">
                      {t(c.withdrawal ? "applicant.withdrawAgree" : "applicant.withdraw")}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
              <RepaymentNotice view={c} />
              {c.withdrawal && !closed ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginTop: 8 }}
                  data-testid="case-withdrawal-pending"
                  message={t("applicant.withdraw.requested", {
                    by: c.withdrawal.requestedBy,
                    awaiting: c.withdrawal.awaiting.join("、"),
                  })}
                />
              ) : null}
              {can("confirm") ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t("applicant.confirmHelp")}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card size="small" title={t("case.parties")}>
              <CaseParties view={c} />
              {editable ? (
                <div style={{ marginTop: 12 }}>
                  <InviteParty view={c} />
                </div>
              ) : null}
            </Card>
            <Card size="small" title={t("case.materials")}>
              <CaseMaterials view={c} editable={editable} />
            </Card>
            <Card size="small" title={editable ? t("applicant.precheck") : t("case.findings")}>
              <FindingsList findings={findings} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={t("case.timeline")}>
              <CaseTimeline id={c.id} />
            </Card>
            <Card size="small" title={t("case.certificates")}>
              <CaseCertificates view={c} canPrint={false} />
            </Card>
            <CaseUtilities id={c.id} />
            {FINISHED.includes(c.stage) ? (
              <Card size="small" title={t("rating.title")}>
                <CaseRating id={c.id} />
              </Card>
            ) : null}
          </Flex>
        </Col>
      </Row>
    </>
  );
}
