import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Form, Input, Radio, Select, Upload } from "antd";
import { useState } from "react";
import type { Account } from "../../../api/types";
import { useT } from "../../../i18n";
import { chinaToday } from "../../cases/deadline";
import { looksLikeUnitCode } from "../../register/api/register.api";
import { CertificateLookup } from "../../register/components/certificate-lookup";
import { FlagTags } from "../../register/components/flag-tags";
import { useUnit } from "../../register/hooks/use-register";
import { useErrorText } from "../../shell/components/query-error";
import { type InstructionFiles, periodEnd, seizureRequest, useInstruction } from "../hooks/use-instruction";
import { useSeizureTargets } from "../hooks/use-seizure-targets";
import { InstantResult } from "./instant-result";

const ACTIONS = ["seizure.seize", "seizure.wait", "seizure.release", "seizure.extend"] as const;
const DOCUMENTS = ["assistance-notice", "court-ruling", "court-staff-id"] as const;

type Values = {
  typeId: (typeof ACTIONS)[number];
  unitCode: string;
  documentNo: string;
  periodStart: string;
  periodEnd: string;
  targetSeizureId?: string;
};

/** 网络查控: a court seizes, waits, releases or extends on a unit with its document number, online. */
export function SeizureForm({
  account,
  prefill,
}: {
  account: Account;
  prefill?: Partial<Pick<Values, "typeId" | "unitCode" | "targetSeizureId">>;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<InstructionFiles>({});
  const instruction = useInstruction();
  const typeId = Form.useWatch("typeId", form) ?? "seizure.seize";
  const unitCode = (Form.useWatch("unitCode", form) ?? "").replace(/\s+/g, "");
  const unit = useUnit(looksLikeUnitCode(unitCode) ? unitCode : null);
  const targets = typeId === "seizure.release" || typeId === "seizure.extend";
  const seizures = useSeizureTargets(looksLikeUnitCode(unitCode) ? unitCode : null, unit.data);
  const today = chinaToday();
  const court = account.institutionName ?? account.displayName;

  const submit = (v: Values) =>
    instruction.mutate({ request: seizureRequest(v, court, account.username), files });

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            typeId: "seizure.seize",
            periodStart: today,
            periodEnd: periodEnd(today, 3),
            ...prefill,
          }}
          onFinish={submit}
          data-testid="seizure-form"
          style={{ maxWidth: 880 }}
        >
          <Form.Item name="typeId" label={t("seizure.action")}>
            <Radio.Group
              optionType="button"
              options={ACTIONS.map((a) => ({ value: a, label: t(`seizure.type.${a}`) }))}
              data-testid="seizure-type"
            />
          </Form.Item>
          <CertificateLookup
            onFound={(code) => {
              form.setFieldValue("unitCode", code);
              void form.validateFields(["unitCode"]);
            }}
          />
          <Form.Item
            name="unitCode"
            label={t("register.unitCode")}
            extra={t("seizure.unitHelp")}
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
            <Input data-testid="seizure-unit" autoComplete="off" />
          </Form.Item>
          {unit.data ? (
            <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="seizure-unit-found">
              {unit.data.unit.address} <FlagTags flags={unit.data.flags} />
            </Flex>
          ) : unit.isError ? (
            <Alert type="error" style={{ marginBottom: 16 }} title={errorText(unit.error)} />
          ) : null}
          {targets ? (
            <Form.Item name="targetSeizureId" label={t("seizure.target")} rules={[{ required: true }]}>
              <Select
                data-testid="seizure-target"
                options={seizures.map((s) => ({ value: s.id, label: s.label }))}
              />
            </Form.Item>
          ) : null}
          <Flex gap={12} wrap>
            <Form.Item
              name="documentNo"
              label={t("seizure.documentNo")}
              rules={[{ required: true }]}
              style={{ flex: "1 1 240px" }}
            >
              <Input placeholder="（2026）粤0604执保1号" data-testid="seizure-document" />
            </Form.Item>
            <Form.Item
              name="periodStart"
              label={t("seizure.periodStart")}
              rules={[{ required: true }]}
              style={{ flex: "1 1 140px" }}
            >
              <Input data-testid="seizure-start" />
            </Form.Item>
            <Form.Item
              name="periodEnd"
              label={t("seizure.periodEnd")}
              rules={[{ required: true }]}
              extra={t("seizure.periodHelp")}
              style={{ flex: "1 1 140px" }}
            >
              <Input data-testid="seizure-end" />
            </Form.Item>
          </Flex>
          <Form.Item label={t("seizure.documents")} required>
            <Flex gap={8} wrap>
              {DOCUMENTS.map((d) => (
                <Upload
                  key={d}
                  accept="application/pdf,image/jpeg,image/png"
                  maxCount={1}
                  beforeUpload={(file) => {
                    setFiles((f) => ({ ...f, [d]: file }));
                    return false;
                  }}
                  onRemove={() =>
                    setFiles((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== d)))
                  }
                >
                  <Button icon={<UploadOutlined aria-hidden />} data-testid={`seizure-file-${d}`}>
                    {t(`seizure.doc.${d}`)}
                  </Button>
                </Upload>
              ))}
            </Flex>
          </Form.Item>
          {instruction.isError ? (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(instruction.error)} />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={instruction.isPending}
            disabled={Object.keys(files).length < DOCUMENTS.length}
            data-testid="seizure-submit"
          >
            {t("seizure.submit")}
          </Button>
        </Form>
      </Card>
      {instruction.data ? (
        <InstantResult result={instruction.data} casePath={`/portal/cases/${instruction.data.id}`} />
      ) : null}
    </Flex>
  );
}
