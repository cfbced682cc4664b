import { DownloadOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { App, Button, Card, Table, Tag } from "antd";
import { Link } from "react-router";
import type { Certificate } from "../../features/certificates/api/certificates.api";
import { tokenFromInput } from "../../features/certificates/api/certificates.api";
import {
  useDownloadCertificate,
  useMyCertificates,
} from "../../features/certificates/hooks/use-certificates";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError, useErrorText } from "../../features/shell/components/query-error";
import { useT } from "../../i18n";

/** `/hall/certificates` and the bank's certifications: download the sealed e-certificates, verify them. */
export function CertificatesPage({
  titleKey,
}: {
  titleKey: "page.hall.certificates" | "page.portal.certifications";
}) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const certificates = useMyCertificates();
  const { download, pending, variables } = useDownloadCertificate();
  return (
    <>
      <PageHeader title={t(titleKey)} />
      <Card>
        {certificates.isError ? <QueryError error={certificates.error} /> : null}
        <Table<Certificate>
          size="small"
          rowKey="id"
          loading={certificates.isPending}
          dataSource={certificates.data ?? []}
          scroll={{ x: 820 }}
          locale={{ emptyText: t("certificate.none") }}
          data-testid="my-certificates"
          columns={[
            {
              title: t("certificate.number"),
              dataIndex: "number",
              render: (v: string) => <span data-testid="certificate-number">{v}</span>,
            },
            {
              title: t("verify.kind"),
              dataIndex: "kind",
              width: 150,
              render: (k: Certificate["kind"]) => t(`certificate.kind.${k}`),
            },
            { title: t("certificate.location"), dataIndex: "location" },
            {
              title: t("certificate.status"),
              dataIndex: "status",
              width: 100,
              render: (s: Certificate["status"]) => (
                <Tag color={s === "current" ? "green" : "red"}>{t(`certificate.status.${s}`)}</Tag>
              ),
            },
            {
              title: t("common.actions"),
              key: "actions",
              width: 250,
              render: (_, c) => (
                <>
                  <Button
                    size="small"
                    icon={<DownloadOutlined aria-hidden />}
                    loading={pending && variables?.id === c.id}
                    onClick={() => download(c, { onError: (e) => message.error(errorText(e)) })}
                    data-testid="certificate-download"
                  >
                    {t("certificate.download")}
                  </Button>{" "}
                  <Link to={`/verify/${tokenFromInput(c.verifyUrl)}`} data-testid="certificate-verify">
                    <SafetyCertificateOutlined aria-hidden /> {t("certificate.verifyLink")}
                  </Link>
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
