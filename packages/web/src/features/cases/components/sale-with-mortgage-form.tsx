import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select, Steps, Typography } from "antd";
import { useNavigate } from "react-router";
import type { Account } from "../../../api/types";
import { pick, useLanguage, useT } from "../../../i18n";
import type { ServiceGuide } from "../../catalogue/catalogue";
import { looksLikeUnitCode } from "../../register/api/register.api";
import { FlagTags } from "../../register/components/flag-tags";
import { useUnit } from "../../register/hooks/use-register";
import { useErrorText } from "../../shell/components/query-error";
import { useCreateCase } from "../hooks/use-cases";
import {
  buildSaleWithMortgageRequest,
  type SaleWithMortgageMode,
  type SaleWithMortgageValues,
} from "../sale-with-mortgage";

/**
 * 带押过户 in one of its three modes: the flat, buyer and seller, the lending bank, the seller's
 * mortgage (chosen from the register's live mortgages on the unit) and the new loan. The parts
 * and their order of entries are shown before the case is filed.
 */
export function SaleWithMortgageForm({
  guide,
  mode,
  account,
  casePath,
}: {
  guide: ServiceGuide;
  mode: SaleWithMortgageMode;
  account: Account;
  casePath: (id: string) => string;
}) {
  const t = useT();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateCase();
  const [form] = Form.useForm<SaleWithMortgageValues>();
  const unitCode = Form.useWatch("unitCode", form) ?? "";
  const unit = useUnit(looksLikeUnitCode(unitCode) ? unitCode.replace(/\s+/g, "") : null);
  const mortgages = (unit.data?.encumbrances ?? []).filter(
    (e) => e.kind === "mortgage" && e.status === "effective",
  );
  const isBank = account.institutionKind === "bank";
  const required = [{ required: true, message: t("swm.accountRequired") }];

  const submit = async (values: SaleWithMortgageValues) => {
    const { id } = await create.mutateAsync(buildSaleWithMortgageRequest(mode, account.username, values));
    navigate(casePath(id));
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={isBank ? { newBank: account.username } : {}}
      onFinish={(values) => void submit(values).catch(() => undefined)}
      data-testid="swm-form"
      style={{ maxWidth: 880 }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`swm.mode.${mode}`)} />
      <Card size="small" title={t("swm.order")} style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          data-testid="swm-order"
          items={guide.parts.map((p) => ({
            title: pick(p.name, language),
            description: p.note ?? undefined,
          }))}
        />
      </Card>
      <Card size="small" title={t("apply.property")} style={{ marginBottom: 16 }}>
        <Form.Item name="unitCode" label={t("register.unitCode")} rules={[{ required: true }]}>
          <Input data-testid="swm-unit" autoComplete="off" placeholder="440604 001002 GB00001 F00010006" />
        </Form.Item>
        {unit.data ? (
          <Flex gap={8} wrap data-testid="swm-unit-found" style={{ marginBottom: 12 }}>
            <Typography.Text>{unit.data.unit.address}</Typography.Text>
            <FlagTags flags={unit.data.flags} />
          </Flex>
        ) : unit.isError ? (
          <Typography.Text type="danger">{errorText(unit.error)}</Typography.Text>
        ) : null}
        <Form.Item
          name="oldMortgage"
          label={t("swm.oldMortgage")}
          rules={[{ required: true, message: t("swm.oldMortgageRequired") }]}
        >
          {mortgages.length > 0 ? (
            <Select
              data-testid="swm-old-mortgage"
              options={mortgages.map((m) => ({
                value: String(m.seq),
                label: `#${m.seq} ${m.holderName}${m.amount !== null ? ` · ${m.amount} 元` : ""}`,
              }))}
            />
          ) : (
            // The register view shows no restrictions to this caller: the entry number is typed.
            <Input data-testid="swm-old-mortgage-entry" autoComplete="off" />
          )}
        </Form.Item>
      </Card>
      <Card size="small" title={t("swm.parties")} style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Form.Item name="buyer" label={t("swm.buyer")} rules={required} style={{ flex: "1 1 200px" }}>
            <Input data-testid="swm-buyer" autoComplete="off" />
          </Form.Item>
          <Form.Item name="seller" label={t("swm.seller")} rules={required} style={{ flex: "1 1 200px" }}>
            <Input data-testid="swm-seller" autoComplete="off" />
          </Form.Item>
          <Form.Item name="newBank" label={t("swm.newBank")} rules={required} style={{ flex: "1 1 200px" }}>
            <Input data-testid="swm-new-bank" autoComplete="off" />
          </Form.Item>
          {mode === "combined" ? (
            <Form.Item name="oldBank" label={t("swm.oldBank")} rules={required} style={{ flex: "1 1 200px" }}>
              <Input data-testid="swm-old-bank" autoComplete="off" />
            </Form.Item>
          ) : null}
        </Flex>
      </Card>
      <Card size="small" title={t("swm.loan")} style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Form.Item name="price" label={t("apply.price")} style={{ flex: "1 1 160px" }}>
            <InputNumber min={0} style={{ width: "100%" }} data-testid="swm-price" />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t("apply.amount")}
            rules={[{ required: true }]}
            style={{ flex: "1 1 160px" }}
          >
            <InputNumber min={1} style={{ width: "100%" }} data-testid="swm-amount" />
          </Form.Item>
          <Form.Item name="debtEnd" label={t("apply.debtEnd")} style={{ flex: "1 1 160px" }}>
            <Input type="date" data-testid="swm-debt-end" />
          </Form.Item>
          <Form.Item name="contractNo" label={t("apply.documentNo")} style={{ flex: "1 1 160px" }}>
            <Input data-testid="swm-contract" />
          </Form.Item>
        </Flex>
      </Card>
      {create.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText(create.error)}
          data-testid="apply-error"
        />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        loading={create.isPending}
        data-testid="swm-submit"
      >
        {t("swm.create")}
      </Button>
    </Form>
  );
}
