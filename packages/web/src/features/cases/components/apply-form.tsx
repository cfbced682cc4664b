import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Typography } from "antd";
import { useState } from "react";
import type { Account } from "../../../api/types";
import { pick, useLanguage, useT } from "../../../i18n";
import type { ServiceGuide } from "../../catalogue/catalogue";
import { looksLikeUnitCode } from "../../register/api/register.api";
import { FlagTags } from "../../register/components/flag-tags";
import { useUnit } from "../../register/hooks/use-register";
import { useErrorText } from "../../shell/components/query-error";
import { type ApplyValues, useApply } from "../hooks/use-apply";
import { RiskNotice } from "./risk-notice";

/**
 * 在线申请: the unit, who the caller is on the case (a party, or a 帮办人/中介 preparing it for
 * others), the other parties (by account, or by name and ID number) and the particulars. The risk
 * notice of a second-hand purchase is read and acknowledged before the application is filed.
 */
export function ApplyForm({
  guide,
  account,
  casePath,
  representative,
}: {
  guide: ServiceGuide;
  account: Account;
  casePath: (id: string) => string;
  representative: "helper" | "agent" | null;
}) {
  const t = useT();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const [form] = Form.useForm<ApplyValues>();
  const { apply, pending, error } = useApply(guide, account, casePath);
  const needsRiskNotice = guide.group === "transfer" || guide.parts.some((p) => p.typeId === "transfer.sale");
  const [riskAccepted, setRiskAccepted] = useState(!needsRiskNotice);
  const [riskOpen, setRiskOpen] = useState(needsRiskNotice);
  const unitCode = Form.useWatch("unitCode", form) ?? "";
  const unit = useUnit(looksLikeUnitCode(unitCode) ? unitCode.replace(/\s+/g, "") : null);
  const roleOptions = guide.parties.map((p) => ({ value: p.role, label: pick(p.label, language) }));
  const asOptions = representative
    ? [{ value: representative, label: t(`apply.as.${representative}`) }]
    : [...roleOptions, { value: "helper", label: t("apply.as.helper") }];
  const mortgage =
    guide.group === "mortgage" || guide.parts.some((p) => p.typeId.startsWith("mortgage.first"));
  const transfer = guide.group === "transfer" || guide.combined;

  return (
    <>
      <RiskNotice
        open={riskOpen}
        onAccept={() => {
          setRiskAccepted(true);
          setRiskOpen(false);
        }}
        onCancel={() => setRiskOpen(false)}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ as: asOptions[0]?.value, parties: [] }}
        onFinish={(values) => void apply(values).catch(() => undefined)}
        data-testid="apply-form"
        style={{ maxWidth: 880 }}
      >
        {needsRiskNotice && !riskAccepted ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("risk.required")}
            action={<Button onClick={() => setRiskOpen(true)}>{t("risk.open")}</Button>}
          />
        ) : null}
        <Card size="small" title={t("apply.property")} style={{ marginBottom: 16 }}>
          <Form.Item
            name="unitCode"
            label={t("register.unitCode")}
            extra={t("apply.unitCodeHelp")}
            rules={[
              {
                required: true,
                validator: (_, v: string) =>
                  looksLikeUnitCode(v ?? "")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("apply.unitCodeInvalid"))),
              },
            ]}
          >
            <Input
              placeholder="440604 001002 GB00003 F00010006"
              data-testid="apply-unit"
              autoComplete="off"
            />
          </Form.Item>
          {unit.data ? (
            <Flex gap={8} wrap data-testid="apply-unit-found">
              <Typography.Text>{unit.data.unit.address}</Typography.Text>
              <FlagTags flags={unit.data.flags} />
            </Flex>
          ) : unit.isError ? (
            <Typography.Text type="danger">{errorText(unit.error)}</Typography.Text>
          ) : null}
        </Card>
        <Card size="small" title={t("apply.parties")} style={{ marginBottom: 16 }}>
          <Form.Item name="as" label={t("apply.as")}>
            <Radio.Group options={asOptions} data-testid="apply-as" />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t("apply.partiesHelp")}</Typography.Paragraph>
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} wrap align="flex-start" data-testid={`apply-party-${index}`}>
                    <Form.Item
                      name={[field.name, "role"]}
                      rules={[{ required: true, message: t("apply.roleRequired") }]}
                      style={{ flex: "0 1 140px", minWidth: 120, marginBottom: 0 }}
                    >
                      <Select
                        options={roleOptions}
                        placeholder={t("case.party.role")}
                        aria-label={t("case.party.role")}
                        data-testid="party-role"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "account"]} style={{ flex: "1 1 150px", marginBottom: 0 }}>
                      <Input
                        placeholder={t("apply.account")}
                        aria-label={t("apply.account")}
                        data-testid="party-account"
                        autoComplete="off"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "name"]} style={{ flex: "1 1 110px", marginBottom: 0 }}>
                      <Input placeholder={t("case.party.name")} aria-label={t("case.party.name")} />
                    </Form.Item>
                    <Form.Item name={[field.name, "idNumber"]} style={{ flex: "1 1 180px", marginBottom: 0 }}>
                      <Input
                        placeholder={t("apply.idNumber")}
                        aria-label={t("apply.idNumber")}
                        autoComplete="off"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "share"]} style={{ flex: "0 1 80px", marginBottom: 0 }}>
                      <Input placeholder={t("case.party.share")} aria-label={t("case.party.share")} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t("apply.removeParty")}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() =>
                    add({
                      role: nextRole(roleOptions, [
                        form.getFieldValue("as"),
                        ...(form.getFieldValue("parties") ?? []).map((p: { role?: string }) => p.role),
                      ]),
                    })
                  }
                  data-testid="apply-add-party"
                >
                  {t("apply.addParty")}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>
        {transfer || mortgage ? (
          <Card size="small" title={t("apply.particulars")} style={{ marginBottom: 16 }}>
            <Flex gap={12} wrap>
              {transfer ? (
                <Form.Item name="price" label={t("apply.price")} style={{ flex: "1 1 180px" }}>
                  <InputNumber min={0} style={{ width: "100%" }} data-testid="apply-price" />
                </Form.Item>
              ) : null}
              {mortgage ? (
                <>
                  <Form.Item
                    name="amount"
                    label={t("apply.amount")}
                    rules={[{ required: guide.group === "mortgage" }]}
                    style={{ flex: "1 1 180px" }}
                  >
                    <InputNumber min={1} style={{ width: "100%" }} data-testid="apply-amount" />
                  </Form.Item>
                  <Form.Item name="debtEnd" label={t("apply.debtEnd")} style={{ flex: "1 1 160px" }}>
                    <Input type="date" data-testid="apply-debt-end" />
                  </Form.Item>
                </>
              ) : null}
              <Form.Item name="documentNo" label={t("apply.documentNo")} style={{ flex: "1 1 180px" }}>
                <Input data-testid="apply-document" />
              </Form.Item>
            </Flex>
          </Card>
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={errorText(error)}
            data-testid="apply-error"
          />
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={pending}
          disabled={!riskAccepted}
          data-testid="apply-submit"
        >
          {t("apply.create")}
        </Button>
      </Form>
    </>
  );
}

/** A new party takes the first role nobody on the form holds yet (买受人, then 出卖人 …). */
export function nextRole(
  options: readonly { value: string }[],
  taken: readonly (string | undefined)[],
): string | undefined {
  return (options.find((o) => !taken.includes(o.value)) ?? options[0])?.value;
}
