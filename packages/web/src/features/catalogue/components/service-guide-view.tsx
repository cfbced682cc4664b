import { CheckCircleOutlined, SafetyCertificateOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { Alert, Card, Descriptions, Flex, List, Steps, Tag, Typography } from "antd";
import { pick, useLanguage, useT } from "../../../i18n";
import { type ServiceGuide, yuanOf } from "../catalogue";

/** 办事指南: everything an applicant needs to know before applying, on one card. */
export function ServiceGuideView({ guide }: { guide: ServiceGuide }) {
  const t = useT();
  const { language } = useLanguage();
  const sep = t("common.listSeparator");
  return (
    <Flex vertical gap={16} data-testid="service-guide">
      {guide.instant ? (
        <Alert
          type="success"
          showIcon
          icon={<ThunderboltOutlined aria-hidden />}
          title={
            guide.instantChannel
              ? t("guide.instant.channel", {
                  channel: t(`institutionKind.${guide.instantChannel}` as "institutionKind.court"),
                })
              : t("guide.instant")
          }
        />
      ) : null}
      {!guide.applicable ? (
        <Alert type="info" showIcon title={t(`guide.mode.${guide.applicationMode}`)} />
      ) : null}
      <Card title={t("guide.summary")} size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "promised",
              label: t("guide.promised"),
              children: (
                <span data-testid="guide-promised">
                  {t("common.workingDays", { days: guide.promisedDays })}
                </span>
              ),
            },
            {
              key: "statutory",
              label: t("guide.statutory"),
              children: t("common.workingDays", { days: guide.statutoryDays }),
            },
            {
              key: "fee",
              label: t("guide.fee"),
              span: 2,
              children: (
                <Flex vertical data-testid="guide-fee">
                  {guide.fees.map((f) => (
                    <span key={f.property ?? "any"}>
                      {f.property ? `${t(`guide.property.${f.property}`)}: ` : ""}
                      {f.totalFen === 0
                        ? t("catalogue.free")
                        : t("common.yuan", { amount: yuanOf(f.totalFen) })}
                      <Typography.Text type="secondary"> · {pick(f.reason, language)}</Typography.Text>
                    </span>
                  ))}
                  {guide.fees[0] ? (
                    <Typography.Text type="secondary">
                      {t("guide.feeBasis", { basis: guide.fees[0].basis })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: "applicants",
              label: t("guide.applicants"),
              children: guide.applicants.map((a) => pick(a, language)).join(sep),
            },
            {
              key: "mode",
              label: t("guide.mode"),
              children: `${t(`guide.mode.${guide.applicationMode}`)}（${guide.applicationBasis}）`,
            },
            {
              key: "yields",
              label: t("guide.yields"),
              children: guide.yields
                .map((y) => (y === "none" ? t("guide.yields.none") : t(`certificate.kind.${y}`)))
                .join(sep),
            },
            ...(guide.announcementDays
              ? [
                  {
                    key: "announcement",
                    label: t("guide.announcement"),
                    children: t("common.workingDays", { days: guide.announcementDays }),
                  },
                ]
              : []),
            ...(guide.basis ? [{ key: "basis", label: t("guide.basis"), children: guide.basis }] : []),
          ]}
        />
      </Card>
      {guide.combined ? (
        <Card title={t("guide.parts")} size="small">
          <Steps
            direction="vertical"
            size="small"
            current={-1}
            items={guide.parts.map((p) => ({
              title: pick(p.name, language),
              description: p.note ?? undefined,
            }))}
          />
        </Card>
      ) : null}
      <Card title={t("guide.parties")} size="small">
        <Flex gap={6} wrap>
          {guide.parties.map((p) => (
            <Tag key={p.role} color={p.required ? "blue" : "default"}>
              {pick(p.label, language)}
              {p.required ? "" : ` ${t("common.optional")}`}
            </Tag>
          ))}
        </Flex>
      </Card>
      <Card title={t("guide.materials")} size="small">
        <List
          size="small"
          dataSource={guide.materials}
          data-testid="guide-materials"
          renderItem={(m) => (
            <List.Item>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <span>
                  <CheckCircleOutlined aria-hidden style={{ color: "#1658a8", marginInlineEnd: 6 }} />
                  {pick(m.name, language)}
                  {m.alternatives.length > 0
                    ? ` ${t("guide.orAlternatives", { list: m.alternatives.map((a) => pick(a, language)).join(sep) })}`
                    : ""}
                </span>
                <Flex gap={4} wrap>
                  {m.when ? <Tag>{t(`guide.when.${m.when}`)}</Tag> : null}
                  {m.fetched ? (
                    <Tag
                      color="green"
                      icon={<SafetyCertificateOutlined aria-hidden />}
                      data-testid={`guide-fetched-${m.id}`}
                    >
                      {t(`guide.fetched.${m.fetched}`)}
                    </Tag>
                  ) : m.eLicence ? (
                    <Tag color="blue">{t("guide.eLicence")}</Tag>
                  ) : null}
                  {m.requiredAt === "register" ? <Tag>{t("guide.requiredAt.register")}</Tag> : null}
                  {m.commitment ? <Tag color="orange">{t("guide.commitment")}</Tag> : null}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
