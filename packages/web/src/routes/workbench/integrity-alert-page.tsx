import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row } from "antd";
import { useNavigate, useParams } from "react-router";
import { PageHeader } from "../../features/shell/components/page-header";
import { PageLoading } from "../../features/shell/components/page-loading";
import { QueryError } from "../../features/shell/components/query-error";
import { AlertEvidence } from "../../features/supervision/components/alert-evidence";
import { FollowUpForm } from "../../features/supervision/components/follow-up-form";
import { useAlert } from "../../features/supervision/hooks/use-alerts";
import { useT } from "../../i18n";

/** `/workbench/integrity/:id`: one alert, its evidence (linking to the cases) and its follow-ups. */
export function IntegrityAlertPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const detail = useAlert(id);
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <QueryError error={detail.error} retry={() => void detail.refetch()} />;
  return (
    <>
      <PageHeader
        title={t("supervision.alert")}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/workbench/integrity")}>
            {t("supervision.back")}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t("supervision.evidence")}>
            <AlertEvidence alert={detail.data.alert} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t("supervision.followUps")}>
            <FollowUpForm detail={detail.data} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
