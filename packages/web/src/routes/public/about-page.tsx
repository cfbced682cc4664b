import { Card, Typography } from "antd";
import { Link } from "react-router";
import { useT } from "../../i18n";

/** `/about`: what Yulin is, for everyone, logged in or not. */
export function AboutPage() {
  const t = useT();
  return (
    <Card>
      <Typography>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t("page.about.title")}
        </Typography.Title>
        <Typography.Paragraph>{t("page.about.name")}</Typography.Paragraph>
        <Typography.Paragraph>{t("page.about.who")}</Typography.Paragraph>
        <Typography.Paragraph>
          <Link to="/verify">{t("page.about.verify")}</Link>
        </Typography.Paragraph>
      </Typography>
    </Card>
  );
}
