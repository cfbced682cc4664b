import { CASE_STAGES } from "@yulin/domain";
import { findCounty } from "@yulin/domain/divisions/divisions";
import { describe, expect, it } from "vitest";
import { officeName } from "../features/shell/office-name";
import { dictionaries, translate } from "./dictionaries";
import { STATUS_VALUES } from "./messages/status.messages";

/** No status or office code is ever shown raw: every value has a name in every language. */
describe("the status and office catalogue", () => {
  it("names every case stage and every tax, payment and print status in Chinese and English", () => {
    const keys = [
      ...CASE_STAGES.map((s) => `case.stage.${s}`),
      ...Object.entries(STATUS_VALUES).flatMap(([group, values]) =>
        values.map((v) => `status.${group}.${v}`),
      ),
    ];
    for (const [language, dictionary] of Object.entries(dictionaries))
      for (const key of keys) {
        const text = (dictionary as Record<string, string>)[key];
        expect(text, `${language} ${key}`).toBeDefined();
        // A name, not the raw value again.
        expect(text, `${language} ${key}`).not.toBe(key.split(".").pop());
      }
  });

  it("names offices, counties and cities, by their registration centre", () => {
    const t = ((key: string, params?: Record<string, string | number>) =>
      translate("zh-CN", key as never, params)) as never;
    expect(officeName("440604", t)).toBe("禅城区不动产登记中心");
    expect(officeName("440600", t)).toBe("佛山市不动产登记中心");
    expect(findCounty("440604")?.name).toBe("禅城区");
    expect(officeName("999999", t)).toBe("999999");
  });
});
