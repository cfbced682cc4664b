import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import { errorMessageOf } from "../../../api/client";
import type { LoginRequest } from "../../../api/types";
import { useLanguage, useT } from "../../../i18n";
import { useLogin } from "../hooks/use-login";

export function LoginForm() {
  const t = useT();
  const { language } = useLanguage();
  const { submit, pending, error } = useLogin();

  return (
    <Form<LoginRequest>
      name="login"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => submit(values)}
      data-testid="login-form"
    >
      {error ? (
        <div data-testid="login-error" role="alert" style={{ marginBottom: 16 }}>
          <Alert type="error" showIcon title={errorMessageOf(error, language)} />
        </div>
      ) : null}
      <Form.Item
        name="username"
        label={t("login.username")}
        rules={[{ required: true, whitespace: true, message: t("login.username.required") }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          size="large"
          data-testid="login-username"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("login.password")}
        rules={[{ required: true, message: t("login.password.required") }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          size="large"
          data-testid="login-password"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={pending}
        data-testid="login-submit"
      >
        {t("login.submit")}
      </Button>
    </Form>
  );
}
