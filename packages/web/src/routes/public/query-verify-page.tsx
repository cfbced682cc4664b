import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Result } from "antd";
import { useParams } from "react-router";
import { api } from "../../api/client";
import type { ResponseOf } from "../../api/openapi";
import { QueryError } from "../../features/shell/components/query-error";
import { useLanguage } from "../../i18n";

type QueryVerification = ResponseOf<"/api/queries/verify/{token}", "get">;

/** `/verify/query/:token`: the public check of a certified query result (QR code), no login. */
export function QueryVerifyPage() {
  const { token = "" } = useParams();
  const { language } = useLanguage();
  const check = useQuery({
    queryKey: ["queries", "verify", token],
    queryFn: ({ signal }) =>
      api.get<QueryVerification>(`/api/queries/verify/${encodeURIComponent(token)}`, { signal }),
  });
  if (check.isError) return <QueryError error={check.error} />;
  const v = check.data;
  if (!v) return <Card loading />;
  const message = language === "en" ? v.message_en : v.message_zh;
  return (
    <Card data-testid="query-verification">
      <Result
        status={!v.genuine ? "error" : v.changedSinceIssue ? "warning" : "success"}
        title={v.genuine ? "查询结果证明真实 Genuine query result" : "核验失败 Not genuine"}
        subTitle={message}
      />
      {v.changedSinceIssue ? <Alert type="warning" showIcon title={message} /> : null}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="查询编号 Number">{v.number}</Descriptions.Item>
        <Descriptions.Item label="出具机构 Office">{v.office.name}</Descriptions.Item>
        <Descriptions.Item label="出具时间 Issued">
          {v.answeredAt.slice(0, 16).replace("T", " ")}
        </Descriptions.Item>
        <Descriptions.Item label="查询人类别 Querent">{v.querentKind}</Descriptions.Item>
        <Descriptions.Item label="目的 / 范围 Purpose / scope">
          {v.purpose} / {v.scope}
        </Descriptions.Item>
        {v.units.map((u) => (
          <Descriptions.Item key={u.unitCode} label={u.unitCode}>
            {u.address}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
