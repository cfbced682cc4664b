import { App, Button, Flex, Input, Table, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { Account } from "../../../api/types";
import { useT } from "../../../i18n";
import { useCreateCase } from "../../cases/hooks/use-cases";
import { type Encumbrance, looksLikeUnitCode } from "../../register/api/register.api";
import { useUnit } from "../../register/hooks/use-register";
import { QueryError, useErrorText } from "../../shell/components/query-error";

/** 抵押权注销: find the bank's mortgage on a unit and start its cancellation (the bank alone may apply). */
export function MortgageCancel({
  account,
  casePath,
}: {
  account: Account;
  casePath: (id: string) => string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [code, setCode] = useState("");
  const unit = useUnit(looksLikeUnitCode(code) ? code.replace(/\s+/g, "") : null);
  const create = useCreateCase();
  const mine = (unit.data?.encumbrances ?? []).filter(
    (e) => e.kind === "mortgage" && e.status === "effective" && e.holderName === account.institutionName,
  );
  const cancel = async (e: Encumbrance) => {
    try {
      const { id } = await create.mutateAsync({
        typeId: "mortgage.cancel",
        unitCode: code.replace(/\s+/g, ""),
        parts: [
          {
            details: { mortgage: { targetMortgageId: String(e.seq) } },
            parties: [{ role: "right-holder", account: account.username }],
          },
        ],
        confirm: true,
      });
      navigate(casePath(id));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Flex vertical gap={8}>
      <Input.Search
        placeholder={t("register.unitCode")}
        aria-label={t("register.unitCode")}
        onSearch={setCode}
        enterButton={t("common.search")}
        data-testid="cancel-unit"
      />
      {unit.isError ? <QueryError error={unit.error} /> : null}
      {unit.data ? (
        <>
          <Typography.Text>{unit.data.unit.address}</Typography.Text>
          <Table<Encumbrance>
            size="small"
            rowKey="seq"
            pagination={false}
            dataSource={mine}
            locale={{ emptyText: t("bank.noMortgage") }}
            data-testid="bank-mortgages"
            columns={[
              { title: t("register.enc.documentNo"), dataIndex: "documentNo" },
              { title: t("register.enc.obligor"), dataIndex: "obligorName" },
              {
                title: t("register.enc.amount"),
                dataIndex: "amount",
                render: (v: number | null) =>
                  v === null ? "—" : t("common.yuan", { amount: v.toLocaleString() }),
              },
              {
                title: t("register.enc.period"),
                key: "p",
                render: (_, e) => `${e.startsOn ?? ""} ~ ${e.endsOn ?? ""}`,
              },
              {
                title: t("common.actions"),
                key: "a",
                render: (_, e) => (
                  <Button
                    danger
                    size="small"
                    loading={create.isPending}
                    onClick={() => void cancel(e)}
                    data-testid="mortgage-cancel"
                  >
                    {t("bank.cancel")}
                  </Button>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Flex>
  );
}
