import { App, Button } from "antd";
import { useNavigate } from "react-router";
import type { Account } from "../../../api/types";
import { useT } from "../../../i18n";
import type { CaseView } from "../../cases/api/cases.api";
import { useCreateCase } from "../../cases/hooks/use-cases";
import { useErrorText } from "../../shell/components/query-error";

const RECORDED = ["registered", "certified", "issued", "archived"];

/**
 * On a bank's registered mortgage case: start the cancellation of the mortgage it recorded (the
 * register entry the case wrote is the mortgage's id), e.g. once the loan is repaid.
 */
export function CancelMortgageButton({ view, account }: { view: CaseView; account: Account }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateCase();
  const part = view.parts.find((p) => p.typeId.startsWith("mortgage.first"));
  const entry = part?.entries?.[0];
  if (account.institutionKind !== "bank" || !part || entry === undefined || !RECORDED.includes(view.stage))
    return null;
  const cancel = async () => {
    try {
      const { id } = await create.mutateAsync({
        typeId: "mortgage.cancel",
        unitCode: view.unitCode,
        parts: [
          {
            details: { mortgage: { targetMortgageId: String(entry) } },
            parties: [{ role: "right-holder", account: account.username }],
          },
        ],
        confirm: true,
      });
      navigate(`/portal/cases/${id}`);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Button danger loading={create.isPending} onClick={() => void cancel()} data-testid="mortgage-cancel">
      {t("bank.cancelThis")}
    </Button>
  );
}
