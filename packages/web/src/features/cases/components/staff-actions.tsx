import { Alert, App, Button, Flex, Form, Input, Modal } from "antd";
import { useState } from "react";
import { ApiError } from "../../../api/client";
import { type MessageKey, useT } from "../../../i18n";
import { useErrorText } from "../../shell/components/query-error";
import type { CaseView, Finding, StaffAction } from "../api/cases.api";
import { useStaffActions } from "../hooks/use-cases";
import { FindingsList } from "./findings-list";

type ActionSpec = {
  action: StaffAction | "register";
  danger?: boolean;
  primary?: boolean;
  ask?: "reasons" | "items";
};

/** The stage actions, in the order a member of staff meets them. */
const ACTIONS: readonly ActionSpec[] = [
  { action: "accept", primary: true },
  { action: "request-correction", ask: "items" },
  { action: "not-accept", danger: true, ask: "reasons" },
  { action: "review", primary: true },
  { action: "register", primary: true },
  { action: "certify", primary: true },
  { action: "issue", primary: true },
  { action: "archive", primary: true },
  { action: "suspend", ask: "reasons" },
  { action: "resume" },
  { action: "refuse", danger: true, ask: "reasons" },
];

const findingsOf = (error: unknown): Finding[] => {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { findings?: Finding[] } | null;
  return Array.isArray(details?.findings) ? details.findings : [];
};

/** The actions this member of staff may take at this stage (the server's `nextActions`). */
export function StaffActions({ view }: { view: CaseView }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { act, register } = useStaffActions(view.id);
  const [asking, setAsking] = useState<ActionSpec | null>(null);
  const [blocked, setBlocked] = useState<{ message: string; findings: Finding[] } | null>(null);
  const [form] = Form.useForm<{ lines: string }>();
  const allowed = ACTIONS.filter((a) => view.nextActions.includes(a.action));
  const pending = act.isPending || register.isPending;

  const run = async (spec: ActionSpec, lines: string[] = []) => {
    try {
      if (spec.action === "register") await register.mutateAsync();
      else
        await act.mutateAsync({
          action: spec.action,
          ...(spec.ask === "reasons" ? { reasons: lines } : {}),
          ...(spec.ask === "items" ? { items: lines } : {}),
        });
      message.success(t(`case.action.${spec.action}.done` as MessageKey));
      setAsking(null);
    } catch (error) {
      const findings = findingsOf(error);
      if (findings.length > 0) setBlocked({ message: errorText(error), findings });
      else message.error(errorText(error));
    }
  };

  if (allowed.length === 0) return null;
  return (
    <>
      <Flex gap={8} wrap data-testid="staff-actions">
        {allowed.map((spec) => (
          <Button
            key={spec.action}
            type={spec.primary ? "primary" : "default"}
            danger={spec.danger === true}
            loading={
              pending &&
              (act.variables?.action === spec.action || (spec.action === "register" && register.isPending))
            }
            disabled={pending}
            onClick={() => {
              if (!spec.ask) return void run(spec);
              form.resetFields();
              setAsking(spec);
            }}
            data-testid={`action-${spec.action}`}
          >
            {t(`case.action.${spec.action}` as MessageKey)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={asking !== null}
        title={asking ? t(`case.action.${asking.action}` as MessageKey) : ""}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
        confirmLoading={pending}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        okButtonProps={{ danger: asking?.danger === true, id: "action-confirm" }}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ lines }) =>
            asking &&
            void run(
              asking,
              lines
                .split("\n")
                .map((l) => l.trim())
                .filter(Boolean),
            )
          }
        >
          <Form.Item
            name="lines"
            label={t(asking?.ask === "items" ? "case.action.itemsLabel" : "case.action.reasonsLabel")}
            rules={[{ required: true, whitespace: true, message: t("case.action.linesRequired") }]}
          >
            <Input.TextArea rows={4} data-testid="action-lines" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={blocked !== null}
        title={t("case.action.blocked")}
        footer={null}
        onCancel={() => setBlocked(null)}
        width={720}
      >
        {blocked ? (
          <Flex vertical gap={12}>
            <Alert type="error" showIcon title={blocked.message} />
            <FindingsList findings={blocked.findings} />
          </Flex>
        ) : null}
      </Modal>
    </>
  );
}
