import { MenuOutlined } from "@ant-design/icons";
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, theme } from "antd";
import { type ReactNode, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { useT } from "../../../i18n";
import { UserMenu } from "../../auth/components/user-menu";
import { Brand } from "./brand";
import { LanguageSwitch } from "./language-switch";

export type AreaMenuItem = Readonly<{ path: string; label: string; icon: ReactNode }>;

type Props = Readonly<{
  testId: string;
  areaTitle: string;
  items: readonly AreaMenuItem[];
  /** Shown above every page of the area (e.g. the workbench's calendar warning). */
  banner?: ReactNode;
}>;

const headerHeight = 56;

/**
 * The frame of an area (hall, portal, workbench): header with brand, language switch and user, and
 * the area's menu — a side menu on wide screens, a drawer behind a button on phones.
 */
export function AreaLayout({ testId, areaTitle, items, banner }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const selected = items.find(
    (i) => location.pathname === i.path || location.pathname.startsWith(`${i.path}/`),
  );
  const menuItems: MenuProps["items"] = items.map((i) => ({ key: i.path, icon: i.icon, label: i.label }));
  const menu = (
    <Menu
      mode="inline"
      items={menuItems}
      selectedKeys={selected ? [selected.path] : []}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: "none" }}
    />
  );

  return (
    <Layout style={{ minHeight: "100vh" }} data-testid={testId}>
      <Layout.Header
        style={{
          position: "sticky",
          top: 0,
          zIndex: 10,
          height: headerHeight,
          lineHeight: "normal",
          padding: wide ? "0 24px" : "0 8px",
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Flex align="center" gap={wide ? 16 : 4} style={{ height: "100%" }}>
          {wide ? null : (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label={t("nav.menu")}
              data-testid="menu-toggle"
            />
          )}
          <Brand areaTitle={areaTitle} compact={screens.sm !== true} />
          <div style={{ flex: 1 }} />
          <LanguageSwitch />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider
            width={220}
            theme="light"
            style={{
              borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
              position: "sticky",
              top: headerHeight,
              height: `calc(100vh - ${headerHeight}px)`,
              overflow: "auto",
            }}
          >
            <nav aria-label={areaTitle}>{menu}</nav>
          </Layout.Sider>
        ) : null}
        <Layout.Content style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          {banner}
          <Outlet />
        </Layout.Content>
      </Layout>
      {wide ? null : (
        <Drawer
          title={areaTitle}
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label={areaTitle}>{menu}</nav>
        </Drawer>
      )}
    </Layout>
  );
}
