import { Alert } from "antd";
import { Link } from "react-router";
import { useT } from "../../../i18n";
import { useCalendarStatus } from "../hooks/use-admin";

/**
 * The workbench's warning: this year's holiday schedule is missing, or (from December) next
 * year's; deadlines reaching such a year are provisional until an administrator enters it.
 */
export function CalendarBanner({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const status = useCalendarStatus(true);
  if (!status.data?.warning) return null;
  const years = status.data.missingYears.join("、");
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-warning"
      style={{ marginBottom: 16 }}
      title={t("admin.calendar.missing", { years })}
      description={
        isAdmin ? (
          <Link to="/workbench/admin">{t("admin.calendar.missingAdmin")}</Link>
        ) : (
          t("admin.calendar.missingStaff")
        )
      }
    />
  );
}
