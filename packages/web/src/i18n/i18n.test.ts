import { describe, expect, it } from "vitest";
import { dictionaries, translate } from "./dictionaries";
import { en } from "./en";
import { zhCN } from "./zh-CN";

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n dictionaries", () => {
  it("have exactly the same keys in Chinese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it("have no empty values", () => {
    for (const [language, dictionary] of Object.entries(dictionaries)) {
      for (const [key, value] of Object.entries(dictionary)) {
        expect(value.trim(), `${language} ${key}`).not.toBe("");
      }
    }
  });

  it("use the same placeholders in every translation", () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(zhCN[key]));
    }
  });

  it("fills placeholders and keeps unknown ones", () => {
    expect(translate("en", "error.unexpected", { status: 502 })).toBe(
      "The server sent a response we could not understand (HTTP 502)",
    );
    expect(translate("zh-CN", "role.withJurisdiction", { role: "受理员" })).toBe("受理员（{jurisdiction}）");
  });
});
