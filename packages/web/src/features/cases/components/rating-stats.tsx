import { Flex, Rate, Table, Typography } from "antd";
import { Link } from "react-router";
import { useT } from "../../../i18n";
import { QueryError } from "../../shell/components/query-error";
import type { RatingStats } from "../api/cases.api";
import { useRatingStats } from "../hooks/use-cases";

/** 好差评统计: each office's count and average, and the bad ratings a supervisor follows up (回访整改). */
export function RatingStatsCard() {
  const t = useT();
  const stats = useRatingStats();
  return (
    <Flex vertical gap={12} data-testid="rating-stats">
      {stats.isError ? <QueryError error={stats.error} /> : null}
      <Table<RatingStats["offices"][number]>
        size="small"
        rowKey="office"
        pagination={false}
        loading={stats.isPending}
        dataSource={stats.data?.offices ?? []}
        locale={{ emptyText: t("rating.none") }}
        columns={[
          { title: t("rating.office"), key: "office", render: (_, o) => `${o.officeName}（${o.office}）` },
          { title: t("rating.count"), dataIndex: "count", width: 100 },
          {
            title: t("rating.average"),
            dataIndex: "average",
            width: 220,
            render: (a: number) => (
              <Flex gap={8} align="center">
                <Rate disabled allowHalf value={Math.round(a * 2) / 2} />
                <span>{a.toFixed(2)}</span>
              </Flex>
            ),
          },
          { title: t("rating.bad"), dataIndex: "bad", width: 100 },
        ]}
      />
      <Typography.Text strong>{t("rating.badList")}</Typography.Text>
      <Table<RatingStats["bad"][number]>
        size="small"
        rowKey={(r) => `${r.caseId}:${r.ratedAt}`}
        loading={stats.isPending}
        dataSource={stats.data?.bad ?? []}
        locale={{ emptyText: t("rating.noBad") }}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t("case.id"),
            dataIndex: "caseId",
            width: 240,
            render: (id: string) => <Link to={`/workbench/cases/${id}`}>{id}</Link>,
          },
          {
            title: t("rating.score"),
            dataIndex: "score",
            width: 160,
            render: (s: number) => <Rate disabled value={s} />,
          },
          { title: t("rating.commentColumn"), dataIndex: "comment" },
          {
            title: t("rating.ratedAt"),
            dataIndex: "ratedAt",
            width: 170,
            render: (at: string) => new Date(at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }),
          },
        ]}
      />
    </Flex>
  );
}
