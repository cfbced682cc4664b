import { Alert, Flex, Input } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";
import { useErrorText } from "../../shell/components/query-error";
import { type CertificateUnit, looksLikeCertificateNumber } from "../api/register.api";
import { useCertificateLookup } from "../hooks/use-register";

/** Says when a number found is no longer current (cancelled by a transfer, replaced, void). */
export function CertificateStatusNote({ found }: { found: CertificateUnit }) {
  const t = useT();
  if (found.status === "current") return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="certificate-not-current"
      title={t("register.byCertificate.notCurrent", { number: found.number })}
    />
  );
}

/** 按证书号查找: a court or bank types the certificate number on its documents and gets the unit. */
export function CertificateLookup({ onFound }: { onFound: (unitCode: string) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [invalid, setInvalid] = useState(false);
  const lookup = useCertificateLookup(onFound);
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Input.Search
        placeholder={t("register.byCertificate.placeholder")}
        aria-label={t("register.byCertificate.placeholder")}
        enterButton={t("register.byCertificate.find")}
        loading={lookup.isPending}
        allowClear
        onSearch={(value) => {
          const ok = looksLikeCertificateNumber(value);
          setInvalid(!ok && value.trim() !== "");
          if (ok) lookup.mutate(value);
        }}
        data-testid="certificate-lookup"
      />
      {invalid ? <Alert type="error" showIcon title={t("register.byCertificate.invalid")} /> : null}
      {lookup.isError ? <Alert type="error" showIcon title={errorText(lookup.error)} /> : null}
      {lookup.data ? <CertificateStatusNote found={lookup.data} /> : null}
    </Flex>
  );
}
