import { Card, Flex, Select, Tabs } from "antd";
import { useState } from "react";
import { HolidayCalendarAdmin } from "../../features/admin/components/holiday-calendar";
import { StaffTable } from "../../features/admin/components/staff-table";
import { useAccount } from "../../features/auth/hooks/use-account";
import { PageHeader } from "../../features/shell/components/page-header";
import { useT } from "../../i18n";

/** `/workbench/admin`: 系统管理 — the office's accounts and the holiday calendar (administrators). */
export function AdminPage() {
  const t = useT();
  const account = useAccount();
  const offices = account.roles.filter((r) => r.role === "admin");
  const [office, setOffice] = useState(offices[0]?.jurisdiction ?? "");
  return (
    <>
      <PageHeader title={t("page.workbench.admin")} subtitle={t("admin.subtitle")} />
      <Tabs
        items={[
          {
            key: "accounts",
            label: t("admin.tab.accounts"),
            children: (
              <Flex vertical gap={12}>
                {offices.length > 1 ? (
                  <Select
                    aria-label={t("admin.office")}
                    style={{ maxWidth: 360 }}
                    value={office}
                    onChange={setOffice}
                    options={offices.map((o) => ({ value: o.jurisdiction, label: o.jurisdictionName }))}
                  />
                ) : null}
                <Card size="small" title={offices.find((o) => o.jurisdiction === office)?.jurisdictionName}>
                  {office ? <StaffTable office={office} /> : null}
                </Card>
              </Flex>
            ),
          },
          { key: "calendar", label: t("admin.tab.calendar"), children: <HolidayCalendarAdmin /> },
        ]}
      />
    </>
  );
}
