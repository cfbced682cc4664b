import { SearchOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { Card, Col, Empty, Flex, Input, Row, Select, Tag, Typography } from "antd";
import { Link } from "react-router";
import { pick, useLanguage, useT } from "../../../i18n";
import { CATALOGUE_GROUPS, type ServiceGuide, yuanOf } from "../catalogue";
import { useCatalogue } from "../hooks/use-catalogue";

/** 业务目录: search and filter the business types, each a card with its fee, time and instant badge. */
export function CatalogueBrowser({
  guidePath,
  applicableOnly,
}: {
  guidePath: (id: string) => string;
  applicableOnly: boolean;
}) {
  const t = useT();
  const { text, setText, group, setGroup, guides } = useCatalogue({ applicableOnly });
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          style={{ flex: "1 1 220px" }}
          placeholder={t("catalogue.search")}
          aria-label={t("catalogue.search")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="catalogue-search"
        />
        <Select
          style={{ flex: "0 1 200px", minWidth: 160 }}
          value={group}
          onChange={setGroup}
          aria-label={t("catalogue.group")}
          options={[
            { value: "all", label: t("catalogue.group.all") },
            ...CATALOGUE_GROUPS.map((g) => ({ value: g, label: t(`catalogue.group.${g}`) })),
          ]}
          data-testid="catalogue-group"
        />
      </Flex>
      {guides.length === 0 ? (
        <Empty description={t("catalogue.noMatch")} />
      ) : (
        <Row gutter={[12, 12]}>
          {guides.map((g) => (
            <Col key={g.id} xs={24} sm={12} xl={8}>
              <GuideCard guide={g} to={guidePath(g.id)} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}

function GuideCard({ guide, to }: { guide: ServiceGuide; to: string }) {
  const t = useT();
  const { language } = useLanguage();
  const fee = guide.fees[0];
  return (
    <Link to={to} data-testid={`service-${guide.id}`} aria-label={pick(guide.name, language)}>
      <Card hoverable size="small" style={{ height: "100%" }}>
        <Typography.Text strong>{pick(guide.name, language)}</Typography.Text>
        <Flex gap={4} wrap style={{ marginTop: 8 }}>
          <Tag>{t(`catalogue.group.${guide.group}`)}</Tag>
          <Tag color="blue">{t("catalogue.promised", { days: guide.promisedDays })}</Tag>
          {fee ? (
            <Tag color={fee.totalFen === 0 ? "green" : "gold"}>
              {fee.totalFen === 0
                ? t("catalogue.free")
                : t("catalogue.feeFrom", { amount: yuanOf(fee.totalFen) })}
            </Tag>
          ) : null}
          {guide.instant ? (
            <Tag color="purple" icon={<ThunderboltOutlined aria-hidden />}>
              {t("catalogue.instant")}
            </Tag>
          ) : null}
        </Flex>
      </Card>
    </Link>
  );
}
