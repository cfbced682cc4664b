import { CheckCircleTwoTone, ClockCircleOutlined } from "@ant-design/icons";
import { Table, Tag } from "antd";
import { pick, useLanguage, useT } from "../../../i18n";
import type { CaseParty, CaseView } from "../api/cases.api";

/** The parties of each part, and whether each has confirmed and e-signed the current content. */
export function CaseParties({ view }: { view: CaseView }) {
  const t = useT();
  const { language } = useLanguage();
  const rows = view.parts.flatMap((part) =>
    part.parties.map((p) => ({ ...p, key: `${part.partNo}-${p.id}`, part: pick(part.typeName, language) })),
  );
  return (
    <Table<CaseParty & { key: string; part: string }>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 640 }}
      data-testid="case-parties"
      columns={[
        ...(view.parts.length > 1 ? [{ title: t("case.part"), dataIndex: "part", width: 160 }] : []),
        {
          title: t("case.party.role"),
          key: "role",
          width: 100,
          render: (_, p) => pick(p.roleName, language),
        },
        { title: t("case.party.name"), dataIndex: "name" },
        { title: t("case.party.id"), dataIndex: "idNumberMasked", render: (v: string | null) => v ?? "—" },
        {
          title: t("case.party.share"),
          dataIndex: "share",
          width: 70,
          render: (v: string | null) => v ?? "—",
        },
        {
          title: t("case.party.signed"),
          key: "signed",
          width: 120,
          render: (_, p) =>
            p.role === "agent" || p.role === "helper" ? (
              <Tag>{t("case.party.representative")}</Tag>
            ) : p.signed ? (
              <Tag
                icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
                color="green"
                data-testid="party-signed"
              >
                {t("case.party.hasSigned")}
              </Tag>
            ) : (
              <Tag icon={<ClockCircleOutlined />} color="orange" data-testid="party-unsigned">
                {t("case.party.notSigned")}
              </Tag>
            ),
        },
      ]}
    />
  );
}
