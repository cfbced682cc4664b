import { MenuOutlined } from "@ant-design/icons";
import { Button, Dropdown, Flex, Grid, Layout, Typography, theme } from "antd";
import { Link, Outlet } from "react-router";
import { homePathFor } from "../../features/auth/home-path";
import { useMe } from "../../features/auth/hooks/use-me";
import { Brand } from "../../features/shell/components/brand";
import { LanguageSwitch } from "../../features/shell/components/language-switch";
import { useT } from "../../i18n";

/** The frame of the pages anyone can open: login, certificate verification, about. */
export function PublicLayout() {
  const t = useT();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const me = useMe();
  const wide = screens.md === true;
  const links = [
    { to: "/guide", label: t("nav.guide") },
    { to: "/verify", label: t("nav.verify") },
    { to: "/statistics", label: t("nav.statistics") },
    { to: "/complaints", label: t("nav.complaints") },
    { to: "/about", label: t("nav.about") },
    ...(me.status === "authenticated" ? [{ to: homePathFor(me.account), label: t("nav.home") }] : []),
  ];

  return (
    <Layout style={{ minHeight: "100vh" }} data-testid="layout-public">
      <Layout.Header
        style={{
          height: 56,
          lineHeight: "normal",
          padding: wide ? "0 24px" : "0 8px",
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Flex align="center" gap={wide ? 8 : 0} style={{ height: "100%" }}>
          <Brand compact={screens.sm !== true} />
          <div style={{ flex: 1 }} />
          <nav aria-label={t("nav.menu")}>
            {wide ? (
              <Flex align="center" gap={8}>
                {links.map((l) => (
                  <Link key={l.to} to={l.to}>
                    <Button type="link">{l.label}</Button>
                  </Link>
                ))}
              </Flex>
            ) : (
              <Dropdown
                menu={{ items: links.map((l) => ({ key: l.to, label: <Link to={l.to}>{l.label}</Link> })) }}
                trigger={["click"]}
              >
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t("nav.menu")}
                  data-testid="public-menu"
                />
              </Dropdown>
            )}
          </nav>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? "48px 24px" : "16px 12px" }}>
        <div style={{ maxWidth: 960, margin: "0 auto" }}>
          <Outlet />
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center" }}>
        <Typography.Text type="secondary">{t("app.footer")}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
