import { Descriptions, List, Typography } from "antd";
import { Link } from "react-router";
import { pick, useLanguage, useT } from "../../../i18n";
import type { IntegrityAlert } from "../api/supervision.api";
import { AlertStatusTag } from "./alert-status-tag";

/** 预警证据: the rule, what it found, the cases (linked), timeline lines and audit rows behind it. */
export function AlertEvidence({ alert }: { alert: IntegrityAlert }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <Descriptions size="small" column={1} bordered data-testid="alert-evidence">
      <Descriptions.Item label={t("supervision.rule")}>
        {pick({ zh: alert.ruleName_zh, en: alert.ruleName_en }, language)}（{alert.rule}）
      </Descriptions.Item>
      <Descriptions.Item label={t("supervision.statusColumn")}>
        <AlertStatusTag status={alert.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t("supervision.summary")}>
        {pick({ zh: alert.summary_zh, en: alert.summary_en }, language)}
      </Descriptions.Item>
      <Descriptions.Item label={t("supervision.cases")}>
        {alert.caseIds.length === 0 ? (
          t("supervision.noCases")
        ) : (
          <List
            size="small"
            dataSource={alert.caseIds}
            renderItem={(id) => (
              <List.Item>
                <Link to={`/workbench/cases/${id}`} data-testid="alert-case">
                  {id}
                </Link>
              </List.Item>
            )}
          />
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("supervision.figures")}>
        {Object.entries(alert.figures).map(([k, v]) => (
          <div key={k}>
            <Typography.Text type="secondary">{k}</Typography.Text>: {String(v)}
          </div>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t("supervision.transitions")}>
        {alert.transitionIds.join("、") || "—"}
      </Descriptions.Item>
      <Descriptions.Item label={t("supervision.auditRows")}>
        {alert.auditIds.join("、") || "—"}
      </Descriptions.Item>
      <Descriptions.Item label={t("supervision.raisedAt")}>
        {new Date(alert.raisedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}
      </Descriptions.Item>
    </Descriptions>
  );
}
