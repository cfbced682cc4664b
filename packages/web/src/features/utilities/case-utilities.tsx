import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, Flex, Input, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { pick, useLanguage, useT } from "../../i18n";
import { useErrorText } from "../shell/components/query-error";
import {
  chooseUtilities,
  fetchUtilities,
  UTILITY_SERVICE_LIST,
  type UtilityService,
  type UtilityView,
} from "./utilities.api";

const STATUS_COLOR = {
  chosen: "default",
  requested: "processing",
  done: "success",
  rejected: "error",
} as const;

const NAMES: Record<UtilityService, { zh: string; en: string }> = {
  water: { zh: "供水", en: "Water" },
  power: { zh: "供电", en: "Power" },
  gas: { zh: "燃气", en: "Gas" },
  network: { zh: "宽带网络", en: "Network" },
  tv: { zh: "有线电视", en: "Cable TV" },
};

/**
 * 水电气网视联动过户 on a case: the buyer ticks the accounts to move while the case is open; after
 * 登簿 everyone who reads the case sees each company's answer. Nothing shows for other cases.
 */
export function CaseUtilities({ id }: { id: string }) {
  const t = useT();
  const query = useQuery({
    queryKey: ["cases", "utilities", id],
    queryFn: ({ signal }) => fetchUtilities(id, signal),
  });
  const view = query.data;
  if (!view?.eligible) return null;
  return (
    <Card size="small" title={t("utilities.title")}>
      <Flex vertical gap={8} data-testid="case-utilities">
        <Typography.Text type="secondary">{t("utilities.intro")}</Typography.Text>
        {view.open && view.mayChoose ? <UtilityChoiceForm view={view} /> : <UtilityResults view={view} />}
      </Flex>
    </Card>
  );
}

function UtilityResults({ view }: { view: UtilityView }) {
  const t = useT();
  const { language } = useLanguage();
  if (view.transfers.length === 0) return <Typography.Text>{t("utilities.none")}</Typography.Text>;
  return (
    <>
      <Table
        size="small"
        pagination={false}
        rowKey="service"
        dataSource={view.transfers}
        columns={[
          { title: t("utilities.title"), render: (_, r) => pick({ zh: r.name_zh, en: r.name_en }, language) },
          { title: t("utilities.accountNo"), dataIndex: "accountNo" },
          {
            title: t("case.stage"),
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.status]} data-testid={`utility-${r.service}-${r.status}`}>
                {t(`utilities.status.${r.status}`)}
              </Tag>
            ),
          },
          { title: t("utilities.companyRef"), render: (_, r) => r.companyRef ?? r.reason ?? "—" },
        ]}
      />
    </>
  );
}

function UtilityChoiceForm({ view }: { view: UtilityView }) {
  const t = useT();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [accounts, setAccounts] = useState<Partial<Record<UtilityService, string>>>(() =>
    Object.fromEntries(view.transfers.map((x) => [x.service, x.accountNo])),
  );
  const save = useMutation({
    mutationFn: () =>
      chooseUtilities(
        view.caseId,
        UTILITY_SERVICE_LIST.filter((s) => accounts[s] !== undefined).map((s) => ({
          service: s,
          accountNo: accounts[s] ?? "",
        })),
      ),
    onSuccess: (next) => client.setQueryData(["cases", "utilities", view.caseId], next),
  });
  return (
    <Flex vertical gap={8}>
      {UTILITY_SERVICE_LIST.map((s) => (
        <Flex key={s} gap={8} align="center">
          <Checkbox
            checked={accounts[s] !== undefined}
            onChange={(e) =>
              setAccounts((a) => {
                const next = { ...a };
                if (e.target.checked) next[s] = "";
                else delete next[s];
                return next;
              })
            }
            data-testid={`utility-${s}`}
            style={{ minWidth: 110 }}
          >
            {pick(NAMES[s], language)}
          </Checkbox>
          {accounts[s] !== undefined ? (
            <Input
              size="small"
              style={{ maxWidth: 220 }}
              value={accounts[s]}
              placeholder={t("utilities.accountNo")}
              aria-label={`${pick(NAMES[s], language)} ${t("utilities.accountNo")}`}
              onChange={(e) => setAccounts((a) => ({ ...a, [s]: e.target.value }))}
              data-testid={`utility-${s}-account`}
            />
          ) : null}
        </Flex>
      ))}
      {save.isError ? <Alert type="error" showIcon title={errorText(save.error)} /> : null}
      {save.isSuccess ? <Alert type="success" showIcon title={t("utilities.saved")} /> : null}
      <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="utilities-save">
        {t("utilities.save")}
      </Button>
    </Flex>
  );
}
