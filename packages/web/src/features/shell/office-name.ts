import { findCounty, listCounties } from "@yulin/domain/divisions/divisions";
import type { useT } from "../../i18n";

/**
 * An office as a person reads it: 禅城区不动产登记中心 for 440604, 佛山市不动产登记中心 for the city
 * 440600; the code itself only for a code no division table knows.
 */
export function officeName(code: string, t: ReturnType<typeof useT>): string {
  const county = findCounty(code);
  if (county) return t("office.centre", { name: county.name });
  if (/^\d{4}00$/.test(code)) {
    const city = listCounties(code.slice(0, 4))[0]?.cityName;
    if (city) return t("office.centre", { name: city });
  }
  return code;
}
