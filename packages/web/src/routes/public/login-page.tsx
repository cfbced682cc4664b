import { Card, Flex, Typography } from "antd";
import { Link, Navigate, useSearchParams } from "react-router";
import { LoginForm } from "../../features/auth/components/login-form";
import { pathAfterLogin } from "../../features/auth/home-path";
import { useMe } from "../../features/auth/hooks/use-me";
import { PageLoading } from "../../features/shell/components/page-loading";
import { useT } from "../../i18n";

/** `/login`: one entrance for every kind of account. */
export function LoginPage() {
  const t = useT();
  const me = useMe();
  const [searchParams] = useSearchParams();

  if (me.status === "loading") return <PageLoading />;
  if (me.status === "authenticated") {
    return <Navigate to={pathAfterLogin(me.account, searchParams.get("next"))} replace />;
  }
  return (
    <Flex justify="center">
      <Card style={{ width: "100%", maxWidth: 420 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t("login.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("login.intro")}</Typography.Paragraph>
        <LoginForm />
        <Flex justify="space-between" style={{ marginTop: 12 }}>
          <Link to="/sign-up" data-testid="login-sign-up">
            {t("signUp.link")}
          </Link>
          <Link to="/reset-password">{t("signUp.forgot")}</Link>
        </Flex>
      </Card>
    </Flex>
  );
}
