import { Tag } from "antd";
import { useT } from "../../../i18n";
import { FLAG_NAMES, type Flags } from "../api/register.api";

export const FLAG_COLORS: Record<(typeof FLAG_NAMES)[number], string> = {
  seized: "red",
  mortgaged: "orange",
  advanceNotice: "blue",
  objection: "magenta",
  habitation: "cyan",
  easement: "geekblue",
  coOwned: "default",
};

/** The unit's restrictions at a glance (抵押, 查封, 预告 …), or "none". */
export function FlagTags({ flags }: { flags: Flags }) {
  const t = useT();
  const set = FLAG_NAMES.filter((f) => flags[f]);
  if (set.length === 0) return <Tag color="green">{t("register.flags.clear")}</Tag>;
  return (
    <>
      {set.map((f) => (
        <Tag key={f} color={FLAG_COLORS[f]} data-testid={`flag-${f}`}>
          {t(`register.flag.${f}`)}
        </Tag>
      ))}
    </>
  );
}
