import { Alert, Card, Descriptions, Result, Tag, Typography } from "antd";
import { useLanguage, useT } from "../../../i18n";
import type { Verification } from "../api/certificates.api";

/** The verdict of a scanned QR code: genuine and current, genuine but void or replaced, or not genuine. */
export function VerificationResult({ verification }: { verification: Verification }) {
  const t = useT();
  const { language } = useLanguage();
  const { verdict, certificate, seal, register } = verification;
  const message = language === "zh-CN" ? verdict.message_zh : verdict.message_en;
  const current = verdict.genuine && verdict.status === "current";
  const status = current ? "success" : verdict.genuine ? "warning" : "error";
  const title = !verdict.genuine
    ? t("verify.notGenuine")
    : current
      ? t("verify.genuineCurrent")
      : t(`verify.genuine.${verdict.status}`);

  return (
    <Card
      data-testid="verification-result"
      data-verdict={current ? "current" : verdict.genuine ? verdict.status : "forged"}
    >
      <Result
        status={status}
        title={<span data-testid="verification-title">{title}</span>}
        subTitle={message}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: "number", label: t("verify.number"), children: certificate.number },
          { key: "kind", label: t("verify.kind"), children: t(`certificate.kind.${certificate.kind}`) },
          { key: "office", label: t("verify.office"), children: certificate.office.name },
          { key: "registeredOn", label: t("verify.registeredOn"), children: certificate.registeredOn },
          { key: "location", label: t("verify.location"), children: certificate.location, span: 2 },
          {
            key: "unit",
            label: t("verify.unitCode"),
            children: <Typography.Text copyable>{certificate.unitCode}</Typography.Text>,
            span: 2,
          },
          {
            key: "holders",
            label: t("verify.holders"),
            children: certificate.holders.join(t("common.listSeparator")),
            span: 2,
          },
          {
            key: "status",
            label: t("verify.status"),
            children: (
              <Tag color={current ? "green" : "red"} data-testid="verification-status">
                {t(`certificate.status.${verdict.status}`)}
              </Tag>
            ),
          },
          ...(certificate.voidReason
            ? [
                {
                  key: "void",
                  label: t("verify.voidReason"),
                  children: t(`certificate.voidReason.${certificate.voidReason}`),
                },
              ]
            : []),
          ...(certificate.replacedByNumber
            ? [{ key: "replacedBy", label: t("verify.replacedBy"), children: certificate.replacedByNumber }]
            : []),
          {
            key: "seal",
            label: t("verify.seal"),
            children: (
              <Tag color={seal.status === "valid" ? "green" : seal.status === "pending" ? "default" : "red"}>
                {t(`verify.seal.${seal.status}`)}
              </Tag>
            ),
          },
          {
            key: "register",
            label: t("verify.register"),
            children: (
              <Tag
                color={
                  register.status === "verified" ? "green" : register.status === "failed" ? "red" : "default"
                }
              >
                {t(`verify.register.${register.status}`)}
              </Tag>
            ),
          },
        ]}
      />
      {seal.publicKeyFingerprint ? (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          title={t("verify.sealDetails", {
            algorithm: seal.algorithm,
            fingerprint: seal.publicKeyFingerprint,
          })}
          description={seal.pdfSm3 ? `SM3: ${seal.pdfSm3}` : undefined}
        />
      ) : null}
    </Card>
  );
}
