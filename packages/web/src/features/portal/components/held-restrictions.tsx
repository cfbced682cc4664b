import { Flex, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../../../i18n";
import type { HeldRestriction } from "../../register/api/register.api";
import { useHeldRestrictions } from "../../register/hooks/use-register";
import { QueryError } from "../../shell/components/query-error";

/** What weighs on a collateral besides the caller's own restriction, as tags (none: a green tag). */
export function collateralAlerts(r: HeldRestriction): Array<{ key: string; color: string; count?: number }> {
  const also = r.alsoOnUnit;
  return [
    ...(also.seized ? [{ key: "seized", color: "red" }] : []),
    ...(also.waitingSeizures > 0 ? [{ key: "waiting", color: "volcano", count: also.waitingSeizures }] : []),
    ...(also.objection ? [{ key: "objection", color: "magenta" }] : []),
    ...(also.advanceNotice ? [{ key: "advanceNotice", color: "blue" }] : []),
    ...(also.otherMortgages > 0
      ? [{ key: "otherMortgages", color: "orange", count: also.otherMortgages }]
      : []),
    ...(r.transferredSince ? [{ key: "transferred", color: "gold" }] : []),
  ];
}

/**
 * 抵押物清单 / 本院查封清单: the live restrictions the institution holds in the register, each with
 * its unit, terms and what else now weighs on the unit; `actions` adds a column (release, extend).
 */
export function HeldRestrictions({
  kind,
  unitPath,
  actions,
}: {
  kind: "mortgage" | "seizure";
  unitPath: (code: string) => string;
  actions?: (r: HeldRestriction) => ReactNode;
}) {
  const t = useT();
  const held = useHeldRestrictions(kind);
  return (
    <>
      {held.isError ? <QueryError error={held.error} /> : null}
      <Table<HeldRestriction>
        size="small"
        rowKey={(r) => `${r.unitCode}:${r.restriction.seq}`}
        loading={held.isPending}
        dataSource={held.data ?? []}
        scroll={{ x: 960 }}
        data-testid={`held-${kind}`}
        locale={{ emptyText: t(`held.empty.${kind}`) }}
        columns={[
          {
            title: t("register.address"),
            key: "unit",
            render: (_, r) => (
              <Flex vertical>
                <Link to={unitPath(r.unitCode)}>{r.address}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.unitCode}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t("held.document"),
            key: "document",
            width: 220,
            render: (_, r) => r.restriction.documentNo ?? "—",
          },
          ...(kind === "mortgage"
            ? [
                {
                  title: t("held.amount"),
                  key: "amount",
                  width: 140,
                  render: (_: unknown, r: HeldRestriction) =>
                    r.restriction.amount === null ? "—" : `¥${r.restriction.amount.toLocaleString("zh-CN")}`,
                },
              ]
            : [
                {
                  title: t("held.status"),
                  key: "status",
                  width: 110,
                  render: (_: unknown, r: HeldRestriction) => (
                    <Tag color={r.restriction.status === "effective" ? "red" : "orange"}>
                      {t(`register.enc.status.${r.restriction.status}`)}
                      {r.restriction.status === "waiting" && r.restriction.rank
                        ? ` #${r.restriction.rank}`
                        : ""}
                    </Tag>
                  ),
                },
              ]),
          {
            title: t("held.term"),
            key: "term",
            width: 200,
            render: (_, r) => `${r.restriction.startsOn ?? "—"} ~ ${r.restriction.endsOn ?? "—"}`,
          },
          {
            title: t("held.alerts"),
            key: "alerts",
            width: 220,
            render: (_, r) => {
              const alerts = collateralAlerts(r);
              if (alerts.length === 0) return <Tag color="green">{t("held.alert.none")}</Tag>;
              return alerts.map((a) => (
                <Tag key={a.key} color={a.color} data-testid={`held-alert-${a.key}`}>
                  {t(`held.alert.${a.key}` as "held.alert.seized", { count: a.count ?? 0 })}
                </Tag>
              ));
            },
          },
          ...(actions
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 150,
                  render: (_: unknown, r: HeldRestriction) => actions(r),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
