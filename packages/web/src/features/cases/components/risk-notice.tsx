import { ExclamationCircleOutlined } from "@ant-design/icons";
import { Checkbox, Modal, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";

/**
 * 风险告知书 (Taizhou): before a second-hand purchase the applicant reads the risks of buying
 * without an advance notice and how to avoid them, and acknowledges it before applying.
 */
export function RiskNotice({
  open,
  onAccept,
  onCancel,
}: {
  open: boolean;
  onAccept: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [read, setRead] = useState(false);
  return (
    <Modal
      open={open}
      title={
        <span>
          <ExclamationCircleOutlined style={{ color: "#faad14" }} aria-hidden /> {t("risk.title")}
        </span>
      }
      okText={t("risk.accept")}
      cancelText={t("common.cancel")}
      okButtonProps={{ disabled: !read, id: "risk-accept" }}
      onOk={onAccept}
      onCancel={onCancel}
      width={640}
    >
      <div data-testid="risk-notice">
        <Typography.Paragraph>{t("risk.intro")}</Typography.Paragraph>
        <ol style={{ paddingInlineStart: 20 }}>
          <li>{t("risk.advanceNotice")}</li>
          <li>{t("risk.checkRegister")}</li>
          <li>{t("risk.funds")}</li>
          <li>{t("risk.fraud")}</li>
        </ol>
        <Checkbox checked={read} onChange={(e) => setRead(e.target.checked)} data-testid="risk-read">
          {t("risk.read")}
        </Checkbox>
      </div>
    </Modal>
  );
}
