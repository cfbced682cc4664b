import { App, Button, Checkbox, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { StaffRole } from "../../../api/types";
import { useT } from "../../../i18n";
import { useAccount } from "../../auth/hooks/use-account";
import { QueryError, useErrorText } from "../../shell/components/query-error";
import { useOfficeStaff } from "../hooks/use-admin";
import { STAFF_ROLE_ORDER, type StaffAccount } from "../staff";

/** 系统管理 · 账户: the office's staff with their roles there; set roles, lock, unlock, reset. */
export function StaffTable({ office }: { office: string }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const { staff, roles, lock, reset } = useOfficeStaff(office);
  // Nobody locks themselves (the server refuses it too).
  const self = useAccount().id;
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  const [chosen, setChosen] = useState<StaffRole[]>([]);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const saveRoles = async () => {
    if (!editing) return;
    await run(() => roles.mutateAsync({ id: editing.id, roles: chosen }), t("admin.staff.rolesSaved"));
    setEditing(null);
  };
  const resetPassword = (a: StaffAccount) =>
    run(async () => {
      const { temporaryPassword } = await reset.mutateAsync(a.id);
      modal.info({
        title: t("admin.staff.temporaryPassword", { username: a.username }),
        content: (
          <Typography.Text copyable code data-testid="temporary-password">
            {temporaryPassword}
          </Typography.Text>
        ),
      });
    }, t("admin.staff.passwordReset"));

  return (
    <>
      {staff.isError ? <QueryError error={staff.error} retry={() => void staff.refetch()} /> : null}
      <Table<StaffAccount>
        size="small"
        rowKey="id"
        loading={staff.isPending}
        dataSource={staff.data ?? []}
        pagination={false}
        columns={[
          { title: t("admin.staff.username"), dataIndex: "username" },
          { title: t("admin.staff.name"), dataIndex: "displayName" },
          {
            title: t("admin.staff.roles"),
            render: (_, a) => a.roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>),
          },
          {
            title: t("admin.staff.status"),
            render: (_, a) =>
              a.disabled ? (
                <Tag color="red">{t("admin.staff.locked")}</Tag>
              ) : (
                <Tag color="green">{t("admin.staff.active")}</Tag>
              ),
          },
          {
            title: t("admin.staff.actions"),
            render: (_, a) => (
              <Space wrap>
                <Button
                  size="small"
                  data-testid={`staff-roles-${a.username}`}
                  onClick={() => {
                    setEditing(a);
                    setChosen(a.roles);
                  }}
                >
                  {t("admin.staff.editRoles")}
                </Button>
                {a.id === self ? null : (
                  <Button
                    size="small"
                    danger={!a.disabled}
                    onClick={() =>
                      run(
                        () => lock.mutateAsync({ id: a.id, locked: !a.disabled }),
                        t(a.disabled ? "admin.staff.unlocked" : "admin.staff.lockedDone"),
                      )
                    }
                  >
                    {t(a.disabled ? "admin.staff.unlock" : "admin.staff.lock")}
                  </Button>
                )}
                <Button size="small" onClick={() => resetPassword(a)}>
                  {t("admin.staff.resetPassword")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t("admin.staff.rolesOf", { username: editing?.username ?? "" })}
        onCancel={() => setEditing(null)}
        onOk={() => void saveRoles()}
        okText={t("admin.save")}
        okButtonProps={{ loading: roles.isPending, ...({ "data-testid": "staff-roles-save" } as object) }}
      >
        <Checkbox.Group
          value={chosen}
          onChange={(v) => setChosen(v as StaffRole[])}
          options={STAFF_ROLE_ORDER.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
      </Modal>
    </>
  );
}
