import { Alert, Empty, Flex, List, Tag, Typography } from "antd";
import { pickMessage, useLanguage, useT } from "../../../i18n";
import type { Finding } from "../api/cases.api";

const COLORS = { block: "red", warn: "orange", info: "blue" } as const;

/** The rule engine's findings, most serious first, each with its rule id and legal basis. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const t = useT();
  const { language } = useLanguage();
  const order = { block: 0, warn: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  if (sorted.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("case.findings.none")} />;
  const blocking = sorted.filter((f) => f.severity === "block").length;
  return (
    <Flex vertical gap={8} data-testid="findings">
      {blocking > 0 ? (
        <Alert type="error" showIcon title={t("case.findings.blocking", { count: blocking })} />
      ) : null}
      <List
        size="small"
        dataSource={sorted}
        renderItem={(f) => (
          <List.Item data-testid="finding" data-rule={f.rule} data-severity={f.severity}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <span>
                <Tag color={COLORS[f.severity]}>{t(`case.severity.${f.severity}`)}</Tag>
                <Tag>{f.rule}</Tag>
                {pickMessage(f, language)}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="finding-basis">
                {t("case.findings.basis", { basis: f.basis })}
                {f.commitment
                  ? ` · ${t(f.commitment.recorded ? "case.findings.commitmentRecorded" : "case.findings.commitmentNeeded")}`
                  : ""}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
