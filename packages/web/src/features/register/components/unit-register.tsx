import { Alert, Card, Descriptions, Flex, Table, Tag, Typography } from "antd";
import { useT } from "../../../i18n";
import type { Encumbrance, Right, UnitView } from "../api/register.api";
import { FlagTags } from "./flag-tags";

const dateOf = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

/** 登记簿: the unit's natural state, its rights with holders, and its restrictions. */
export function UnitRegister({ view, showHistoric = false }: { view: UnitView; showHistoric?: boolean }) {
  const t = useT();
  const { unit, parcel } = view;
  const rights = (view.rights ?? []).filter((r) => showHistoric || r.status === "current");
  const encumbrances = (view.encumbrances ?? []).filter((e) => showHistoric || e.status !== "historic");
  return (
    <Flex vertical gap={16} data-testid="unit-register">
      <Card size="small" title={t("register.naturalState")}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: "code",
              label: t("register.unitCode"),
              span: 2,
              children: (
                <Typography.Text copyable={{ text: unit.code }} data-testid="unit-code">
                  {unit.codeDisplay}
                </Typography.Text>
              ),
            },
            {
              key: "status",
              label: t("register.status"),
              children: (
                <Tag color={unit.status === "current" ? "green" : "default"}>
                  {t(`register.recordStatus.${unit.status}`)}
                </Tag>
              ),
            },
            { key: "address", label: t("register.address"), span: 3, children: unit.address },
            { key: "room", label: t("register.room"), children: unit.roomLabel ?? "—" },
            { key: "floor", label: t("register.floor"), children: unit.floor ?? "—" },
            {
              key: "area",
              label: t("register.buildingArea"),
              children:
                unit.buildingArea === null ? "—" : t("common.squareMetres", { area: unit.buildingArea }),
            },
            {
              key: "inner",
              label: t("register.innerArea"),
              children: unit.innerArea === null ? "—" : t("common.squareMetres", { area: unit.innerArea }),
            },
            {
              key: "shared",
              label: t("register.sharedArea"),
              children: unit.sharedArea === null ? "—" : t("common.squareMetres", { area: unit.sharedArea }),
            },
            { key: "use", label: t("register.use"), children: unit.use ?? "—" },
            ...(parcel
              ? [
                  { key: "parcel", label: t("register.parcelCode"), children: parcel.code },
                  {
                    key: "parcelArea",
                    label: t("register.parcelArea"),
                    children: t("common.squareMetres", { area: parcel.area }),
                  },
                  { key: "landUse", label: t("register.landUse"), children: parcel.landUse ?? "—" },
                  {
                    key: "vertical",
                    label: t("register.vertical"),
                    children: t(
                      parcel.vertical.kind === "surface" && parcel.vertical.min === null
                        ? "register.vertical.surfaceOnly"
                        : `register.vertical.${parcel.vertical.kind}`,
                      {
                        min: parcel.vertical.min ?? "—",
                        max: parcel.vertical.max ?? "—",
                      },
                    ),
                  },
                ]
              : []),
            { key: "flags", label: t("register.flags"), span: 3, children: <FlagTags flags={view.flags} /> },
          ]}
        />
      </Card>
      {view.view === "public" ? (
        <Alert type="info" showIcon title={t("register.publicView")} />
      ) : (
        <>
          <Card size="small" title={t("register.rights")}>
            <RightsTable rights={rights} />
          </Card>
          <Card size="small" title={t("register.encumbrances")}>
            <EncumbrancesTable encumbrances={encumbrances} />
          </Card>
        </>
      )}
    </Flex>
  );
}

export function RightsTable({ rights }: { rights: readonly Right[] }) {
  const t = useT();
  return (
    <Table<Right>
      size="small"
      rowKey="seq"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={[...rights]}
      data-testid="rights-table"
      columns={[
        { title: t("register.right.type"), dataIndex: "rightTypeName", width: 220 },
        {
          title: t("register.right.holders"),
          key: "holders",
          width: 220,
          render: (_, r) => (
            <Flex vertical>
              {r.holders.map((h) => (
                <span key={h.ordinal}>
                  {h.name}
                  <Typography.Text type="secondary">
                    {" "}
                    {h.idNumberMasked ?? ""}
                    {h.share ? ` · ${h.share}` : ""}
                  </Typography.Text>
                </span>
              ))}
            </Flex>
          ),
        },
        { title: t("register.right.coOwnership"), dataIndex: "coOwnershipName", width: 100 },
        {
          title: t("register.right.nature"),
          dataIndex: "natureName",
          width: 80,
          render: (v: string | null) => v ?? "—",
        },
        {
          title: t("register.right.term"),
          key: "term",
          width: 190,
          render: (_, r) => `${r.termStart ?? "—"} ~ ${r.termEnd ?? "—"}`,
        },
        {
          title: t("register.right.certificateNo"),
          dataIndex: "certificateNo",
          width: 200,
          render: (v: string | null) => v ?? "—",
        },
        {
          title: t("register.registeredAt"),
          dataIndex: "registeredAt",
          width: 110,
          render: (v: string) => dateOf(v),
        },
        {
          title: t("register.status"),
          dataIndex: "status",
          width: 80,
          render: (v: Right["status"]) => (
            <Tag color={v === "current" ? "green" : "default"}>{t(`register.recordStatus.${v}`)}</Tag>
          ),
        },
      ]}
    />
  );
}

export function EncumbrancesTable({ encumbrances }: { encumbrances: readonly Encumbrance[] }) {
  const t = useT();
  return (
    <Table<Encumbrance>
      size="small"
      rowKey="seq"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={[...encumbrances]}
      data-testid="encumbrances-table"
      locale={{ emptyText: t("register.noEncumbrances") }}
      columns={[
        {
          title: t("register.enc.kind"),
          dataIndex: "kindName",
          width: 110,
          render: (v: string, e) => <span data-testid={`encumbrance-${e.kind}`}>{v}</span>,
        },
        {
          title: t("register.status"),
          dataIndex: "status",
          width: 90,
          render: (v: Encumbrance["status"], e) => (
            <Tag color={v === "effective" ? "red" : v === "waiting" ? "orange" : "default"}>
              {t(`register.enc.status.${v}`)}
              {v === "waiting" && e.rank ? ` #${e.rank}` : ""}
            </Tag>
          ),
        },
        { title: t("register.enc.holder"), dataIndex: "holderName", width: 200 },
        {
          title: t("register.enc.obligor"),
          dataIndex: "obligorName",
          width: 120,
          render: (v: string | null) => v ?? "—",
        },
        {
          title: t("register.enc.documentNo"),
          dataIndex: "documentNo",
          width: 160,
          render: (v: string | null) => v ?? "—",
        },
        {
          title: t("register.enc.period"),
          key: "period",
          width: 190,
          render: (_, e) => `${e.startsOn ?? "—"} ~ ${e.endsOn ?? "—"}`,
        },
        {
          title: t("register.enc.amount"),
          dataIndex: "amount",
          width: 120,
          render: (v: number | null) => (v === null ? "—" : t("common.yuan", { amount: v.toLocaleString() })),
        },
        {
          title: t("register.registeredAt"),
          dataIndex: "registeredAt",
          width: 110,
          render: (v: string) => dateOf(v),
        },
      ]}
    />
  );
}
