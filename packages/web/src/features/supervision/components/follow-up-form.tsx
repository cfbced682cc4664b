import { Alert, Button, Form, Input, Radio, Timeline } from "antd";
import { errorMessageOf } from "../../../api/client";
import { type MessageKey, useLanguage, useT } from "../../../i18n";
import type { AlertDetail, FollowUpAction } from "../api/supervision.api";
import { useFollowUp } from "../hooks/use-alerts";

const ACTIONS: readonly FollowUpAction[] = ["explain", "close-justified", "escalate"];
const CLOSED = ["justified", "escalated"];

/** 跟进记录 and the form to add one: an explanation, or closing as justified or escalated, with a reason. */
export function FollowUpForm({ detail }: { detail: AlertDetail }) {
  const t = useT();
  const { language } = useLanguage();
  const followUp = useFollowUp(detail.alert.id);
  const [form] = Form.useForm<{ action: FollowUpAction; note: string }>();
  const closed = CLOSED.includes(detail.alert.status);
  return (
    <>
      <Timeline
        data-testid="follow-ups"
        items={detail.followUps.map((f) => ({
          children: `${new Date(f.at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} ${t(
            `supervision.action.${f.action}` as MessageKey,
          )}：${f.note}`,
        }))}
      />
      {closed ? (
        <Alert type="success" showIcon title={t("supervision.closed")} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ action: "close-justified", note: "" }}
          onFinish={(values) => followUp.mutate(values, { onSuccess: () => form.resetFields(["note"]) })}
        >
          <Form.Item name="action" label={t("supervision.followUp")}>
            <Radio.Group
              options={ACTIONS.map((a) => ({ value: a, label: t(`supervision.action.${a}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t("supervision.note")}
            rules={[{ required: true, min: 2, message: t("supervision.noteRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="follow-up-note" />
          </Form.Item>
          {followUp.isError ? (
            <Alert type="error" showIcon title={errorMessageOf(followUp.error, language)} />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={followUp.isPending}
            data-testid="follow-up-submit"
          >
            {t("supervision.submit")}
          </Button>
        </Form>
      )}
    </>
  );
}
