import { App, Button, Input, Modal, Table, Tag } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";
import type { StatusOf } from "../../../i18n/messages/status.messages";
import { QueryError, useErrorText } from "../../shell/components/query-error";
import { officeName } from "../../shell/office-name";
import type { PrintJob } from "../api/print-queue.api";
import { usePrintQueue } from "../hooks/use-print-queue";

/** The office's 打证队列: certificates to print on paper, and the form's 印制号 once printed. */
export function PrintQueue({ office }: { office: string }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { queue, printed } = usePrintQueue(office);
  const [job, setJob] = useState<PrintJob | null>(null);
  const [serial, setSerial] = useState("");
  const save = async () => {
    if (!job) return;
    try {
      await printed.mutateAsync({ printId: job.id, formSerial: serial.trim() });
      message.success(t("print.recorded"));
      setJob(null);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <>
      {queue.isError ? <QueryError error={queue.error} /> : null}
      <Table<PrintJob>
        size="small"
        rowKey="id"
        loading={queue.isPending}
        dataSource={queue.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t("print.empty") }}
        data-testid="print-queue"
        columns={[
          { title: t("certificate.number"), dataIndex: "number" },
          {
            title: t("print.registeringOffice"),
            dataIndex: "registeringOffice",
            width: 160,
            render: (v: string) => officeName(v, t),
          },
          {
            title: t("print.requestedAt"),
            dataIndex: "requestedAt",
            width: 170,
            render: (v: string) => new Date(v).toLocaleString(),
          },
          {
            title: t("certificate.status"),
            dataIndex: "status",
            width: 100,
            render: (v: StatusOf<"print">) => <Tag data-status={v}>{t(`status.print.${v}`)}</Tag>,
          },
          {
            title: t("print.formSerial"),
            dataIndex: "formSerial",
            width: 130,
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("common.actions"),
            key: "a",
            width: 130,
            render: (_, j) =>
              j.formSerial ? null : (
                <Button
                  size="small"
                  onClick={() => {
                    setSerial("");
                    setJob(j);
                  }}
                >
                  {t("print.record")}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={job !== null}
        title={t("print.record")}
        onCancel={() => setJob(null)}
        onOk={() => void save()}
        confirmLoading={printed.isPending}
        okButtonProps={{ disabled: serial.trim().length < 6 }}
      >
        <Input
          value={serial}
          onChange={(e) => setSerial(e.target.value)}
          placeholder={t("print.formSerial")}
          aria-label={t("print.formSerial")}
        />
      </Modal>
    </>
  );
}
