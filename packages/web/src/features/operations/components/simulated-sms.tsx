import { useQuery } from "@tanstack/react-query";
import { Card, Table } from "antd";
import { useT } from "../../../i18n";
import { fetchSimulatedSms, operationsKeys, type SimulatedSms } from "../api/operations.api";
import { OPERATIONS_REFRESH_MS } from "../operations";

/** 模拟短信: what the simulated SMS gateway sent (sign-up and reset codes); absent with a real gateway. */
export function SimulatedSmsCard() {
  const t = useT();
  const messages = useQuery({
    queryKey: [...operationsKeys.all, "sms"],
    queryFn: ({ signal }) => fetchSimulatedSms(signal),
    refetchInterval: OPERATIONS_REFRESH_MS,
  });
  if (!messages.data || messages.data.length === 0) return null;
  return (
    <Card size="small" title={t("operations.sms.title")}>
      <Table<SimulatedSms>
        rowKey="ref"
        size="small"
        pagination={{ pageSize: 10 }}
        dataSource={messages.data}
        data-testid="simulated-sms"
        scroll={{ x: true }}
        columns={[
          {
            title: t("operations.sms.sentAt"),
            dataIndex: "sentAt",
            render: (v: string) => new Date(v).toLocaleString("zh-CN"),
          },
          { title: t("operations.sms.phone"), dataIndex: "phone" },
          { title: t("operations.sms.text"), dataIndex: "text" },
        ]}
      />
    </Card>
  );
}
