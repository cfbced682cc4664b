import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Input, Typography } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { tokenFromInput } from "../../features/certificates/api/certificates.api";
import { VerificationResult } from "../../features/certificates/components/verification-result";
import { useVerification } from "../../features/certificates/hooks/use-certificates";
import { PageLoading } from "../../features/shell/components/page-loading";
import { QueryError } from "../../features/shell/components/query-error";
import { useT } from "../../i18n";

/** `/verify` and `/verify/:token`: 证书核验 — anyone checks a certificate's QR code; no login. */
export function VerifyPage() {
  const t = useT();
  const { token } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState("");
  const verification = useVerification(token ?? null);

  const submit = () => {
    const next = tokenFromInput(input);
    if (next) navigate(`/verify/${encodeURIComponent(next)}`);
  };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          <SafetyCertificateOutlined aria-hidden /> {t("page.verify.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("verify.intro")}</Typography.Paragraph>
        <Flex gap={8} wrap>
          <Input
            style={{ flex: "1 1 240px" }}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onPressEnter={submit}
            placeholder={t("verify.placeholder")}
            aria-label={t("verify.placeholder")}
            data-testid="verify-input"
          />
          <Button type="primary" onClick={submit} data-testid="verify-submit">
            {t("verify.submit")}
          </Button>
        </Flex>
      </Card>
      {token === undefined ? null : verification.isPending ? (
        <PageLoading />
      ) : verification.isError ? (
        <QueryError error={verification.error} />
      ) : (
        <VerificationResult verification={verification.data} />
      )}
    </Flex>
  );
}
