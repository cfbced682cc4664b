import type { EChartsCoreOption } from "echarts/core";
import type { Translate } from "../../../i18n";
import type { DashboardFigures } from "../api/transparency.api";

type Label = Translate;
const bar = (name: string, data: (number | null)[]) => ({ type: "bar", name, data });
const axis = (data: string[], rotate = 0) => ({ type: "category", data, axisLabel: { rotate, interval: 0 } });
const base = { tooltip: { trigger: "axis" }, legend: {}, grid: { left: 48, right: 24, bottom: 64, top: 40 } };

/** The ECharts options of the dashboard, each from one section of the figures. */
export function dashboardOptions(f: DashboardFigures, t: Label): Record<string, EChartsCoreOption> {
  const wan = (yuan: number | null) => (yuan === null ? null : Math.round(yuan / 100) / 100);
  const months = [...new Set(f.market.map((m) => m.month))].sort();
  const districts = [...new Set(f.market.map((m) => m.name))];
  const marketOf = (name: string, month: string) =>
    f.market.find((m) => m.name === name && m.month === month);
  return {
    byDay: {
      ...base,
      xAxis: axis(f.byDay.map((d) => d.day)),
      yAxis: { type: "value" },
      series: [
        { type: "line", name: t("dashboard.submitted"), data: f.byDay.map((d) => d.submitted) },
        { type: "line", name: t("dashboard.registered"), data: f.byDay.map((d) => d.registered) },
      ],
    },
    byType: {
      ...base,
      xAxis: axis(
        f.byType.map((r) => r.name),
        30,
      ),
      yAxis: { type: "value" },
      series: [
        bar(
          t("dashboard.averageDays"),
          f.byType.map((r) => r.averageDays),
        ),
        bar(
          t("dashboard.promisedDays"),
          f.byType.map((r) => r.promisedDays),
        ),
      ],
    },
    byOffice: {
      ...base,
      xAxis: axis(f.byOffice.map((r) => r.name)),
      yAxis: { type: "value" },
      series: [
        bar(
          t("dashboard.submitted"),
          f.byOffice.map((r) => r.submitted),
        ),
        bar(
          t("dashboard.registered"),
          f.byOffice.map((r) => r.registered),
        ),
      ],
    },
    staff: {
      ...base,
      xAxis: axis(
        f.staff.slice(0, 20).map((s) => s.name),
        30,
      ),
      yAxis: { type: "value" },
      series: [
        bar(
          t("dashboard.staff"),
          f.staff.slice(0, 20).map((s) => s.actions),
        ),
      ],
    },
    mortgages: {
      ...base,
      xAxis: axis(
        f.mortgages.map((m) => m.bank),
        20,
      ),
      yAxis: [{ type: "value" }, { type: "value" }],
      series: [
        bar(
          t("dashboard.mortgageAmount"),
          f.mortgages.map((m) => wan(m.amountYuan * 100)),
        ),
        { type: "line", yAxisIndex: 1, name: t("dashboard.count"), data: f.mortgages.map((m) => m.count) },
      ],
    },
    market: {
      ...base,
      xAxis: axis(months),
      yAxis: [{ type: "value" }, { type: "value" }],
      series: districts.flatMap((name) => [
        {
          ...bar(
            `${name} ${t("dashboard.transfers")}`,
            months.map((m) => marketOf(name, m)?.transfers ?? 0),
          ),
        },
        {
          type: "line",
          yAxisIndex: 1,
          name: `${name} ${t("dashboard.averagePrice")}`,
          data: months.map((m) => wan((marketOf(name, m)?.averagePriceYuan ?? 0) * 100)),
        },
      ]),
    },
  };
}
