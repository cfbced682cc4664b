import type { DashboardFigures } from "./dashboard.service";

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

type Row = Record<string, unknown>;
/** The identifying columns of each section's rows; every other field is a metric. */
const KEYS = {
  byDay: ["day"],
  byOffice: ["key", "name"],
  byType: ["key", "name"],
  staff: ["office", "staffId", "name"],
  backlog: ["office", "name", "stage"],
  mortgages: ["bank"],
  market: ["month", "office", "name"],
} satisfies Partial<Record<keyof DashboardFigures, string[]>>;

/**
 * The CSV export of the same figures the dashboard shows: one line per section, row and metric
 * (`section,key,name,metric,value`), so a spreadsheet pivot gives back every chart.
 */
export function dashboardCsv(figures: DashboardFigures): string {
  const lines = [["section", "key", "name", "metric", "value"].join(",")];
  const push = (section: string, key: string, name: string, metric: string, value: unknown) =>
    lines.push([section, key, name, metric, value].map(cell).join(","));
  for (const [metric, value] of Object.entries(figures.totals)) push("totals", "", "", metric, value);
  for (const [section, keys] of Object.entries(KEYS) as [string, string[]][]) {
    const rows = figures[section as keyof typeof KEYS] as unknown as Row[];
    for (const row of rows) {
      const key = keys
        .filter((k) => k !== "name")
        .map((k) => String(row[k] ?? ""))
        .join("/");
      const name = String(row.name ?? "");
      for (const [metric, value] of Object.entries(row))
        if (!keys.includes(metric)) push(section, key, name, metric, value);
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
