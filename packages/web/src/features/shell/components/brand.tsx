import { Flex, Typography } from "antd";
import { Link } from "react-router";
import { useT } from "../../../i18n";

/** The logo and name, followed by the area's name when inside one. */
export function Brand({ areaTitle, compact = false }: { areaTitle?: string; compact?: boolean }) {
  const t = useT();
  return (
    <Link to="/" style={{ color: "inherit", minWidth: 0 }}>
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <Typography.Text strong style={{ fontSize: 18, whiteSpace: "nowrap" }}>
          {t("app.name")}
        </Typography.Text>
        {compact ? null : (
          <Typography.Text type="secondary" ellipsis style={{ whiteSpace: "nowrap" }}>
            {areaTitle ?? t("app.subtitle")}
          </Typography.Text>
        )}
      </Flex>
    </Link>
  );
}
