import { Button, Flex, Space, Tag, Tooltip, Typography } from "antd";
import { useT } from "../../../i18n";
import type { BuildingTable as BuildingTableData, UnitCell } from "../api/register.api";
import { FLAG_COLORS } from "./flag-tags";

const colorOf = (cell: UnitCell): string | undefined => {
  if (!cell.registered) return undefined;
  if (cell.flags.seized) return FLAG_COLORS.seized;
  if (cell.flags.mortgaged) return FLAG_COLORS.mortgaged;
  if (cell.flags.advanceNotice) return FLAG_COLORS.advanceNotice;
  if (cell.flags.objection) return FLAG_COLORS.objection;
  return "green";
};

/** 楼盘表: the building's units floor by floor, coloured by their state; a click opens a unit. */
export function BuildingTable({
  table,
  currentCode,
  onOpen,
}: {
  table: BuildingTableData;
  currentCode?: string;
  onOpen: (code: string) => void;
}) {
  const t = useT();
  return (
    <Flex vertical gap={8} data-testid="building-table">
      <Typography.Text type="secondary">
        {table.building.name ?? table.building.buildingNo} · {table.building.address} ·{" "}
        {t("register.building.floors", {
          above: table.building.floorsAbove,
          below: table.building.floorsBelow,
        })}
      </Typography.Text>
      <Space size={4} wrap>
        <Tag color="green">{t("register.legend.registered")}</Tag>
        <Tag color={FLAG_COLORS.mortgaged}>{t("register.flag.mortgaged")}</Tag>
        <Tag color={FLAG_COLORS.seized}>{t("register.flag.seized")}</Tag>
        <Tag color={FLAG_COLORS.advanceNotice}>{t("register.flag.advanceNotice")}</Tag>
        <Tag>{t("register.legend.unregistered")}</Tag>
      </Space>
      <div style={{ overflowX: "auto", maxHeight: 420, overflowY: "auto" }}>
        <table style={{ borderCollapse: "collapse" }}>
          <tbody>
            {table.floors.map((f) => (
              <tr key={f.floor ?? "none"}>
                <th
                  scope="row"
                  style={{ padding: "2px 8px", textAlign: "right", whiteSpace: "nowrap", fontWeight: 400 }}
                >
                  {f.floor === null ? "—" : t("register.floorN", { floor: f.floor })}
                </th>
                {f.units.map((u) => (
                  <td key={u.code} style={{ padding: 2 }}>
                    <Tooltip title={`${u.roomLabel ?? u.code} · ${u.buildingArea ?? "—"} m²`}>
                      <Button
                        size="small"
                        type={u.code === currentCode ? "primary" : "default"}
                        onClick={() => onOpen(u.code)}
                        style={{
                          minWidth: 56,
                          borderColor: colorOf(u),
                          color: u.code === currentCode ? undefined : colorOf(u),
                        }}
                        aria-current={u.code === currentCode ? "true" : undefined}
                      >
                        {u.roomLabel ?? u.roomNo}
                      </Button>
                    </Tooltip>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Flex>
  );
}
