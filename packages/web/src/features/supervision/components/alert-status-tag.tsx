import { Tag } from "antd";
import { type MessageKey, useT } from "../../../i18n";
import type { AlertStatus } from "../api/supervision.api";

const COLOURS: Record<AlertStatus, string> = {
  open: "red",
  assigned: "orange",
  explained: "gold",
  justified: "green",
  escalated: "purple",
};

/** An alert's follow-up status: 待处理, 已指派, 已说明, 已办结（合理）, 已移交. */
export function AlertStatusTag({ status }: { status: AlertStatus }) {
  const t = useT();
  return <Tag color={COLOURS[status]}>{t(`supervision.status.${status}` as MessageKey)}</Tag>;
}
