import { Card, Table, Tag } from "antd";
import { Link, useSearchParams } from "react-router";
import { useAccount } from "../../features/auth/hooks/use-account";
import type { CaseSummary } from "../../features/cases/api/cases.api";
import { StageTag } from "../../features/cases/components/stage-tag";
import { useCase, useCaseList } from "../../features/cases/hooks/use-cases";
import { HeldRestrictions } from "../../features/portal/components/held-restrictions";
import { SeizureForm } from "../../features/portal/components/seizure-form";
import { useUnit } from "../../features/register/hooks/use-register";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError } from "../../features/shell/components/query-error";
import { pick, useLanguage, useT } from "../../i18n";

/** `/portal/seizures`: 查封登记 — seize, wait-seize, release or extend online. */
const RECORDED = ["registered", "certified", "issued", "archived"];
const PREFILL_TYPES = ["seizure.seize", "seizure.wait", "seizure.release", "seizure.extend"] as const;

/** `?type=&unit=&target=` from the seizure list's release and extend links. */
function seizurePrefill(params: URLSearchParams) {
  const type = PREFILL_TYPES.find((t) => t === params.get("type"));
  const unit = params.get("unit");
  const target = params.get("target");
  return {
    ...(type ? { typeId: type } : {}),
    ...(unit ? { unitCode: unit } : {}),
    ...(target ? { targetSeizureId: target } : {}),
  };
}

export function SeizuresPage() {
  const t = useT();
  const account = useAccount();
  const [params] = useSearchParams();
  const prefill = seizurePrefill(params);
  return (
    <>
      <PageHeader title={t("page.portal.seizures")} subtitle={t("seizure.intro")} />
      <SeizureForm key={params.toString()} account={account} prefill={prefill} />
    </>
  );
}

/**
 * A seizure's status and term: from the register when the court may read the unit's restrictions,
 * otherwise from its own case (document number and period) with the unit's public 查封 flag.
 */
function SeizureTerm({ summary, court }: { summary: CaseSummary; court: string }) {
  const t = useT();
  const unit = useUnit(summary.unitCode);
  const view = useCase(summary.id);
  const mine = (unit.data?.encumbrances ?? []).filter((e) => e.kind === "seizure" && e.holderName === court);
  if (unit.data?.encumbrances) {
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
  const details = view.data?.parts[0]?.details as
    | { documentNo?: string; seizure?: { periodEnd?: string } }
    | undefined;
  if (!details) return <span>—</span>;
  return (
    <div data-testid="seizure-term">
      {unit.data?.flags.seized ? (
        <Tag color="red">{t("register.flag.seized")}</Tag>
      ) : (
        <Tag>{t("seizure.notSeizedNow")}</Tag>
      )}
      {details.documentNo ?? ""} · {t("seizure.expires", { date: details.seizure?.periodEnd ?? "—" })}
    </div>
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
      <Card size="small" title={t("held.seizuresTitle")} style={{ marginBottom: 16 }}>
        <HeldRestrictions
          kind="seizure"
          unitPath={(code) => `/portal/units/${code}`}
          actions={(r) => (
            <>
              <Link
                to={`/portal/seizures?type=seizure.release&unit=${r.unitCode}&target=${r.restriction.seq}`}
                data-testid="held-release"
              >
                {t("seizure.type.seizure.release")}
              </Link>{" "}
              <Link
                to={`/portal/seizures?type=seizure.extend&unit=${r.unitCode}&target=${r.restriction.seq}`}
              >
                {t("seizure.type.seizure.extend")}
              </Link>
            </>
          )}
        />
      </Card>
      <Card title={t("page.portal.cases")}>
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
              render: (_, c) => <SeizureTerm summary={c} court={court} />,
            },
            {
              title: t("common.actions"),
              key: "actions",
              width: 150,
              render: (_, c) =>
                (c.typeId === "seizure.seize" || c.typeId === "seizure.wait") &&
                RECORDED.includes(c.stage) ? (
                  <>
                    <Link
                      to={`/portal/seizures?type=seizure.release&unit=${c.unitCode}`}
                      data-testid="seizure-release"
                    >
                      {t("seizure.type.seizure.release")}
                    </Link>{" "}
                    <Link to={`/portal/seizures?type=seizure.extend&unit=${c.unitCode}`}>
                      {t("seizure.type.seizure.extend")}
                    </Link>
                  </>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
