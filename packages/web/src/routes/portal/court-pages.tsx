import { Card, Table, Tag } from "antd";
import { Link } from "react-router";
import { useAccount } from "../../features/auth/hooks/use-account";
import type { CaseSummary } from "../../features/cases/api/cases.api";
import { StageTag } from "../../features/cases/components/stage-tag";
import { useCaseList } from "../../features/cases/hooks/use-cases";
import { SeizureForm } from "../../features/portal/components/seizure-form";
import { useUnit } from "../../features/register/hooks/use-register";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError } from "../../features/shell/components/query-error";
import { pick, useLanguage, useT } from "../../i18n";

/** `/portal/seizures`: 查封登记 — seize, wait-seize, release or extend online. */
export function SeizuresPage() {
  const t = useT();
  const account = useAccount();
  return (
    <>
      <PageHeader title={t("page.portal.seizures")} subtitle={t("seizure.intro")} />
      <SeizureForm account={account} />
    </>
  );
}

/** The court's seizures on a unit as the register holds them: period and waiting order. */
function SeizureTerm({ unitCode, court }: { unitCode: string; court: string }) {
  const t = useT();
  const unit = useUnit(unitCode);
  const mine = (unit.data?.encumbrances ?? []).filter((e) => e.kind === "seizure" && e.holderName === court);
  if (mine.length === 0) return <span>—</span>;
  return (
    <>
      {mine.map((e) => (
        <div key={e.seq} data-testid="seizure-term">
          <Tag color={e.status === "effective" ? "red" : e.status === "waiting" ? "orange" : "default"}>
            {t(`register.enc.status.${e.status}`)}
            {e.status === "waiting" && e.rank ? ` #${e.rank}` : ""}
          </Tag>
          {e.documentNo} · {t("seizure.expires", { date: e.endsOn ?? "—" })}
        </div>
      ))}
    </>
  );
}

/** `/portal/seizure-list`: the court's seizures with their expiry and waiting order. */
export function SeizureListPage() {
  const t = useT();
  const { language } = useLanguage();
  const account = useAccount();
  const cases = useCaseList({});
  const seizures = (cases.data ?? []).filter((c) => c.typeId.startsWith("seizure."));
  const court = account.institutionName ?? account.displayName;
  return (
    <>
      <PageHeader title={t("page.portal.seizureList")} />
      <Card>
        {cases.isError ? <QueryError error={cases.error} /> : null}
        <Table<CaseSummary>
          size="small"
          rowKey="id"
          loading={cases.isPending}
          dataSource={seizures}
          scroll={{ x: 900 }}
          data-testid="seizure-list"
          locale={{ emptyText: t("case.list.empty") }}
          columns={[
            {
              title: t("case.id"),
              dataIndex: "id",
              width: 240,
              render: (id: string) => <Link to={`/portal/cases/${id}`}>{id}</Link>,
            },
            { title: t("case.type"), key: "type", width: 160, render: (_, c) => pick(c.typeName, language) },
            {
              title: t("register.unitCode"),
              dataIndex: "unitCode",
              width: 240,
              render: (u: string) => <Link to={`/portal/units/${u}`}>{u}</Link>,
            },
            {
              title: t("case.stage"),
              dataIndex: "stage",
              width: 110,
              render: (s: string) => <StageTag stage={s} />,
            },
            {
              title: t("seizure.term"),
              key: "term",
              render: (_, c) => <SeizureTerm unitCode={c.unitCode} court={court} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
