import { Card, List, Typography } from "antd";
import { Link, useNavigate, useParams } from "react-router";
import { useMyCertificates } from "../../features/certificates/hooks/use-certificates";
import { UnitDetail } from "../../features/register/components/unit-detail";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError } from "../../features/shell/components/query-error";
import { useT } from "../../i18n";

/**
 * `/hall/properties`: 我的不动产 — the units of the current title certificates the account holds
 * (the register API has no "holdings of my account" query yet), each opening its register.
 */
export function PropertiesPage() {
  const t = useT();
  const certificates = useMyCertificates();
  const units = [
    ...new Map(
      (certificates.data ?? [])
        .filter((c) => c.kind === "certificate" && c.status === "current")
        .map((c) => [c.unitCode, c]),
    ).values(),
  ];
  return (
    <>
      <PageHeader title={t("page.hall.properties")} subtitle={t("properties.intro")} />
      <Card>
        {certificates.isError ? <QueryError error={certificates.error} /> : null}
        <List
          loading={certificates.isPending}
          dataSource={units}
          locale={{ emptyText: t("properties.none") }}
          data-testid="my-properties"
          renderItem={(c) => (
            <List.Item
              actions={[
                <Link key="open" to={`/hall/properties/${c.unitCode}`}>
                  {t("register.openUnit")}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={c.location}
                description={
                  <Typography.Text type="secondary">
                    {c.unitCode} · {c.number}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

/** `/hall/properties/:code`: the holder's view of one unit. */
export function PropertyPage() {
  const { code = "" } = useParams();
  const navigate = useNavigate();
  return <UnitDetail key={code} code={code} openUnit={(next) => navigate(`/hall/properties/${next}`)} />;
}
