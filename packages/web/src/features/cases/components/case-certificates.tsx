import { DownloadOutlined, PrinterOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { App, Button, List, Tag } from "antd";
import { api } from "../../../api/client";
import { useT } from "../../../i18n";
import { useDownloadCertificate } from "../../certificates/hooks/use-certificates";
import { useErrorText } from "../../shell/components/query-error";
import type { CaseView } from "../api/cases.api";

/** The certificates the case yielded: download the sealed PDF, verify it, queue the paper print. */
export function CaseCertificates({ view, canPrint }: { view: CaseView; canPrint: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { download, pending, variables } = useDownloadCertificate();
  const print = async (id: string) => {
    try {
      await api.post(`/api/certificates/${encodeURIComponent(id)}/prints`, {});
      message.success(t("case.certificates.printQueued"));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <List
      size="small"
      dataSource={view.certificates}
      locale={{ emptyText: t("case.certificates.none") }}
      data-testid="case-certificates"
      renderItem={(c) => (
        <List.Item
          actions={[
            <Button
              key="dl"
              size="small"
              icon={<DownloadOutlined aria-hidden />}
              loading={pending && variables?.id === c.id}
              onClick={() =>
                download({ id: c.id, number: c.number }, { onError: (e) => message.error(errorText(e)) })
              }
              data-testid="certificate-download"
            >
              {t("certificate.download")}
            </Button>,
            ...(canPrint
              ? [
                  <Button
                    key="print"
                    size="small"
                    icon={<PrinterOutlined aria-hidden />}
                    onClick={() => void print(c.id)}
                  >
                    {t("case.certificates.print")}
                  </Button>,
                ]
              : []),
          ]}
        >
          <span>
            <SafetyCertificateOutlined aria-hidden />{" "}
            {t(`certificate.kind.${c.kind === "certification" ? "certification" : "certificate"}`)}{" "}
            <strong data-testid="certificate-number">{c.number}</strong>{" "}
            <Tag color={c.status === "current" ? "green" : "red"}>
              {t(
                `certificate.status.${c.status === "current" ? "current" : c.status === "replaced" ? "replaced" : "void"}`,
              )}
            </Tag>
          </span>
        </List.Item>
      )}
    />
  );
}
