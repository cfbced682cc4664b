import { Card, Flex, Typography } from "antd";
import { PageHeader } from "../../features/shell/components/page-header";
import { AlertsTable } from "../../features/supervision/components/alerts-table";
import { useT } from "../../i18n";

/** `/workbench/integrity`: 廉防预警 — the integrity and risk alerts of the supervisor's offices. */
export function IntegrityPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("page.workbench.integrity")} />
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary">{t("supervision.intro")}</Typography.Paragraph>
        <Card size="small">
          <Flex vertical gap={12}>
            <AlertsTable />
          </Flex>
        </Card>
      </Flex>
    </>
  );
}
