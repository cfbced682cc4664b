import { Alert, Button, Form, Input, Typography, Upload } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { errorMessageOf } from "../../../api/client";
import { useLanguage, useT } from "../../../i18n";
import { useLogin } from "../../auth/hooks/use-login";
import { type CodeSent, fileToBase64, requestSignUpCode, signUp } from "../api/sign-up.api";

type Person = { name: string; idNumber: string; phone: string };
type Finish = { code: string; username: string; password: string };

/** 注册: step 1 checks the person and texts a code; step 2 opens the account and logs in. */
export function SignUpForm() {
  const t = useT();
  const { language } = useLanguage();
  const login = useLogin();
  const navigate = useNavigate();
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
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
  const start = (person: Person) => run(async () => setSent(await requestSignUpCode(person)));
  const finish = (values: Finish) =>
    run(async () => {
      if (!sent) return;
      const faceImage = photo ? await fileToBase64(photo) : undefined;
      await signUp({ challengeId: sent.challengeId, ...values, ...(faceImage ? { faceImage } : {}) });
      login.submit({ username: values.username, password: values.password });
    });

  return (
    <>
      {error || login.error ? (
        <div role="alert" data-testid="sign-up-error" style={{ marginBottom: 16 }}>
          <Alert type="error" showIcon title={errorMessageOf(error ?? login.error, language)} />
        </div>
      ) : null}
      {sent === null ? (
        <Form<Person> layout="vertical" requiredMark={false} onFinish={start} data-testid="sign-up-person">
          <Form.Item name="name" label={t("signUp.name")} rules={required}>
            <Input autoComplete="name" size="large" data-testid="sign-up-name" />
          </Form.Item>
          <Form.Item name="idNumber" label={t("signUp.idNumber")} rules={required}>
            <Input size="large" maxLength={18} data-testid="sign-up-id" />
          </Form.Item>
          <Form.Item name="phone" label={t("signUp.phone")} rules={required}>
            <Input autoComplete="tel" inputMode="tel" size="large" data-testid="sign-up-phone" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={pending}
            data-testid="sign-up-send"
          >
            {t("signUp.sendCode")}
          </Button>
        </Form>
      ) : (
        <Form<Finish> layout="vertical" requiredMark={false} onFinish={finish} data-testid="sign-up-finish">
          <Alert
            type="success"
            showIcon
            title={t("signUp.codeSent", { phone: sent.phoneMasked })}
            style={{ marginBottom: 16 }}
          />
          <Form.Item name="code" label={t("signUp.code")} rules={required}>
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              size="large"
              data-testid="sign-up-code"
            />
          </Form.Item>
          <Form.Item name="username" label={t("signUp.username")} rules={required}>
            <Input autoComplete="username" size="large" data-testid="sign-up-username" />
          </Form.Item>
          <Form.Item name="password" label={t("signUp.password")} rules={required}>
            <Input.Password autoComplete="new-password" size="large" data-testid="sign-up-password" />
          </Form.Item>
          <Form.Item label={t("signUp.face")}>
            <Upload
              accept="image/jpeg,image/png"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                setPhoto(file);
                return false;
              }}
            >
              <Button data-testid="sign-up-face">{t("signUp.face")}</Button>
            </Upload>
            {photo ? (
              <Typography.Text type="secondary">
                {t("signUp.faceChosen", { name: photo.name })}
              </Typography.Text>
            ) : null}
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={pending || login.pending}
            data-testid="sign-up-submit"
          >
            {t("signUp.submit")}
          </Button>
        </Form>
      )}
      <Button type="link" onClick={() => navigate("/login")} style={{ paddingLeft: 0, marginTop: 8 }}>
        {t("signUp.haveAccount")}
      </Button>
    </>
  );
}
