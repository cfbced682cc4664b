import { Alert, Button, Form, Input } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { errorMessageOf } from "../../../api/client";
import { useLanguage, useT } from "../../../i18n";
import { type CodeSent, requestResetCode, resetPassword } from "../api/sign-up.api";

type Start = { username: string; phone: string };
type Finish = { code: string; newPassword: string };

/** 找回密码: a code to the registered phone sets a new password. */
export function ResetPasswordForm() {
  const t = useT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const required = [{ required: true, whitespace: true, message: t("signUp.required") }];
  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  if (done) {
    return (
      <>
        <Alert type="success" showIcon title={t("reset.done")} data-testid="reset-done" />
        <Button
          type="primary"
          block
          size="large"
          style={{ marginTop: 16 }}
          onClick={() => navigate("/login")}
        >
          {t("login.submit")}
        </Button>
      </>
    );
  }
  return (
    <>
      {error ? (
        <div role="alert" style={{ marginBottom: 16 }}>
          <Alert type="error" showIcon title={errorMessageOf(error, language)} />
        </div>
      ) : null}
      {sent === null ? (
        <Form<Start>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => run(async () => setSent(await requestResetCode(v)))}
        >
          <Form.Item name="username" label={t("reset.username")} rules={required}>
            <Input autoComplete="username" size="large" data-testid="reset-username" />
          </Form.Item>
          <Form.Item name="phone" label={t("signUp.phone")} rules={required}>
            <Input autoComplete="tel" inputMode="tel" size="large" data-testid="reset-phone" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={pending}
            data-testid="reset-send"
          >
            {t("reset.sendCode")}
          </Button>
        </Form>
      ) : (
        <Form<Finish>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) =>
            run(async () => {
              await resetPassword({ challengeId: sent.challengeId, ...v });
              setDone(true);
            })
          }
        >
          <Alert
            type="info"
            showIcon
            title={t("reset.codeSent", { phone: sent.phoneMasked })}
            style={{ marginBottom: 16 }}
          />
          <Form.Item name="code" label={t("signUp.code")} rules={required}>
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              size="large"
              data-testid="reset-code"
            />
          </Form.Item>
          <Form.Item name="newPassword" label={t("reset.newPassword")} rules={required}>
            <Input.Password autoComplete="new-password" size="large" data-testid="reset-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={pending}
            data-testid="reset-submit"
          >
            {t("reset.submit")}
          </Button>
        </Form>
      )}
    </>
  );
}
