import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Flex, Grid, Typography } from "antd";
import { useT } from "../../../i18n";
import { useAccount } from "../hooks/use-account";
import { useAccountSummary } from "../hooks/use-account-summary";
import { useLogout } from "../hooks/use-logout";

/** The header's "who am I": display name, kind or posts, and the logout button. */
export function UserMenu() {
  const t = useT();
  const account = useAccount();
  const summary = useAccountSummary(account);
  const { logout, pending } = useLogout();
  const screens = Grid.useBreakpoint();
  const wide = screens.md === true;

  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <Avatar size="small" icon={<UserOutlined />} />
      <Flex vertical style={{ minWidth: 0, lineHeight: 1.3 }}>
        <Typography.Text
          strong
          ellipsis
          title={summary}
          style={{ maxWidth: wide ? 240 : 96 }}
          data-testid="user-name"
        >
          {account.displayName}
        </Typography.Text>
        {wide ? (
          <Typography.Text
            type="secondary"
            ellipsis
            style={{ fontSize: 12, maxWidth: 320 }}
            data-testid="user-summary"
          >
            {summary}
          </Typography.Text>
        ) : null}
      </Flex>
      <Button
        icon={<LogoutOutlined />}
        onClick={logout}
        loading={pending}
        aria-label={t("nav.logout")}
        data-testid="logout"
      >
        {wide ? t("nav.logout") : null}
      </Button>
    </Flex>
  );
}
