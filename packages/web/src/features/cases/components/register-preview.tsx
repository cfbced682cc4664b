import { ArrowRightOutlined } from "@ant-design/icons";
import { Card, Col, Descriptions, Empty, Row, Tag } from "antd";
import { pick, useLanguage, useT } from "../../../i18n";
import { FlagTags } from "../../register/components/flag-tags";
import { useUnit } from "../../register/hooks/use-register";
import { PageLoading } from "../../shell/components/page-loading";
import { QueryError } from "../../shell/components/query-error";
import type { CaseView } from "../api/cases.api";
import { proposedChanges } from "../register-preview";

/** Side by side: the register as it stands, and what registering this case will record. */
export function RegisterPreview({ view }: { view: CaseView }) {
  const t = useT();
  const { language } = useLanguage();
  const unit = useUnit(view.unitCode);
  const recorded = ["registered", "certified", "issued", "archived"].includes(view.stage);
  const changes = proposedChanges(view);
  const rights = unit.data?.rights?.filter((r) => r.status === "current") ?? [];
  const encumbrances = unit.data?.encumbrances?.filter((e) => e.status !== "historic") ?? [];
  return (
    <Row gutter={[12, 12]} data-testid="register-preview" align="stretch">
      <Col xs={24} lg={11}>
        <Card
          size="small"
          title={recorded ? t("case.preview.now") : t("case.preview.before")}
          style={{ height: "100%" }}
        >
          {unit.isPending ? (
            <PageLoading />
          ) : unit.isError ? (
            <QueryError error={unit.error} />
          ) : (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "address", label: t("register.address"), children: unit.data.unit.address },
                {
                  key: "holders",
                  label: t("register.right.holders"),
                  children:
                    rights
                      .flatMap((r) => r.holders.map((h) => h.name + (h.share ? ` (${h.share})` : "")))
                      .join(t("common.listSeparator")) || "—",
                },
                {
                  key: "cert",
                  label: t("register.right.certificateNo"),
                  children: rights.map((r) => r.certificateNo ?? "—").join(", ") || "—",
                },
                {
                  key: "enc",
                  label: t("register.flags"),
                  children: (
                    <>
                      <FlagTags flags={unit.data.flags} />
                      {encumbrances.map((e) => (
                        <div key={e.seq} style={{ fontSize: 12 }}>
                          {e.kindName} · {e.holderName} {e.documentNo ?? ""}
                        </div>
                      ))}
                    </>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Col>
      <Col xs={0} lg={2} style={{ display: "flex", alignItems: "center", justifyContent: "center" }}>
        <ArrowRightOutlined style={{ fontSize: 24, color: "#1658a8" }} aria-hidden />
      </Col>
      <Col xs={24} lg={11}>
        <Card
          size="small"
          title={recorded ? t("case.preview.recorded") : t("case.preview.after")}
          style={{ height: "100%" }}
        >
          {changes.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            changes.map((c) => (
              <Descriptions
                key={c.partNo}
                size="small"
                column={1}
                title={<Tag color="purple">{pick(c.typeName, language)}</Tag>}
                items={[
                  ...(c.holders.length
                    ? [
                        {
                          key: "holders",
                          label: t("case.preview.newHolders"),
                          children: c.holders.join(t("common.listSeparator")),
                        },
                      ]
                    : []),
                  ...c.facts.map((f) => ({
                    key: f.key,
                    label: t(`case.preview.fact.${f.key}` as "case.preview.fact.price"),
                    children:
                      f.key === "coOwnership"
                        ? t(`case.coOwnership.${f.value}` as "case.coOwnership.sole")
                        : f.value,
                  })),
                ]}
              />
            ))
          )}
        </Card>
      </Col>
    </Row>
  );
}
