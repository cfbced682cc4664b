import { UserAddOutlined } from "@ant-design/icons";
import type { PartyRole } from "@yulin/domain/cases/index";
import { App, Button, Flex, Form, Input, Select } from "antd";
import { pick, useLanguage, useT } from "../../../i18n";
import { findServiceGuide } from "../../catalogue/catalogue";
import { useErrorText } from "../../shell/components/query-error";
import type { CaseView } from "../api/cases.api";
import { useApplicantActions } from "../hooks/use-cases";

type Values = { partNo: number; role: PartyRole; account?: string; name?: string; idNumber?: string };

/** 邀请当事人: add a party to a draft; one with an account confirms from it, others at the counter. */
export function InviteParty({ view }: { view: CaseView }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { addParty } = useApplicantActions(view.id);
  const [form] = Form.useForm<Values>();
  const partNo = Form.useWatch("partNo", form) ?? 0;
  const part = view.parts.find((p) => p.partNo === partNo) ?? view.parts[0];
  const roles = (findServiceGuide(part?.typeId ?? view.typeId)?.parties ?? []).map((p) => ({
    value: p.role,
    label: pick(p.label, language),
  }));

  const invite = async (v: Values) => {
    const account = v.account?.trim();
    try {
      await addParty.mutateAsync({
        partNo: v.partNo,
        party: account
          ? { role: v.role, account }
          : { role: v.role, name: v.name?.trim() ?? "", idType: "1", idNumber: v.idNumber?.trim() ?? "" },
      });
      message.success(t("invite.done"));
      form.resetFields(["account", "name", "idNumber"]);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size="small"
      initialValues={{ partNo: 0, role: roles[0]?.value }}
      onFinish={(v) => void invite(v)}
      data-testid="invite-party"
    >
      <Flex gap={8} wrap align="flex-end">
        {view.parts.length > 1 ? (
          <Form.Item name="partNo" label={t("case.part")} style={{ flex: "1 1 160px", marginBottom: 8 }}>
            <Select
              options={view.parts.map((p) => ({ value: p.partNo, label: pick(p.typeName, language) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="role"
          label={t("case.party.role")}
          rules={[{ required: true }]}
          style={{ flex: "0 1 140px", marginBottom: 8 }}
        >
          <Select options={roles} />
        </Form.Item>
        <Form.Item name="account" label={t("apply.account")} style={{ flex: "1 1 140px", marginBottom: 8 }}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t("case.party.name")} style={{ flex: "1 1 100px", marginBottom: 8 }}>
          <Input />
        </Form.Item>
        <Form.Item name="idNumber" label={t("apply.idNumber")} style={{ flex: "1 1 170px", marginBottom: 8 }}>
          <Input autoComplete="off" />
        </Form.Item>
        <Button
          htmlType="submit"
          icon={<UserAddOutlined aria-hidden />}
          loading={addParty.isPending}
          style={{ marginBottom: 8 }}
        >
          {t("invite.submit")}
        </Button>
      </Flex>
    </Form>
  );
}
