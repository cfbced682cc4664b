import { Card, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { ResetPasswordForm } from "../../features/sign-up/components/reset-password-form";
import { SignUpForm } from "../../features/sign-up/components/sign-up-form";
import { type MessageKey, useT } from "../../i18n";

function PublicCard({
  title,
  intro,
  children,
}: {
  title: MessageKey;
  intro: MessageKey;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Flex justify="center">
      <Card style={{ width: "100%", maxWidth: 480 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t(title)}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(intro)}</Typography.Paragraph>
        {children}
      </Card>
    </Flex>
  );
}

/** `/sign-up`: a citizen opens an account (real-name check, SMS code, optional face check). */
export function SignUpPage() {
  return (
    <PublicCard title="signUp.title" intro="signUp.intro">
      <SignUpForm />
    </PublicCard>
  );
}

/** `/reset-password`: a new password by a code sent to the registered phone. */
export function ResetPasswordPage() {
  return (
    <PublicCard title="reset.title" intro="reset.intro">
      <ResetPasswordForm />
    </PublicCard>
  );
}
