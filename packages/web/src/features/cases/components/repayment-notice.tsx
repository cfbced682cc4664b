import { Alert } from "antd";
import { useT } from "../../../i18n";
import type { CaseView } from "../api/cases.api";

/** 带押过户（分段）: the case waits for the old bank's confirmation of repayment, or has it. */
export function RepaymentNotice({ view }: { view: Pick<CaseView, "repayment"> }) {
  const t = useT();
  const r = view.repayment;
  if (!r) return null;
  const awaiting = r.status === "awaiting";
  return (
    <Alert
      type={awaiting ? "warning" : "success"}
      showIcon
      style={{ marginTop: 8, marginBottom: 8 }}
      data-testid={`case-repayment-${r.status}`}
      title={`${t(awaiting ? "swm.repayment.awaiting" : "swm.repayment.confirmed")}（#${r.mortgageId}）`}
    />
  );
}
