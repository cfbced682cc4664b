import { describe, expect, it } from "vitest";
import type { Account } from "../../../api/types";
import { type Language, type MessageKey, type MessageParams, translate } from "../../../i18n/dictionaries";
import { describeAccount } from "./use-account-summary";

const account = (overrides: Partial<Account>): Account => ({
  id: "a1",
  username: "someone",
  kind: "citizen",
  displayName: "张三",
  institutionKind: null,
  institutionName: null,
  roles: [],
  idNumberMasked: null,
  phoneMasked: null,
  ...overrides,
});
const tIn = (language: Language) => (key: MessageKey, params?: MessageParams) =>
  translate(language, key, params);

describe("describeAccount", () => {
  it("names a citizen's and a company's kind", () => {
    expect(describeAccount(account({ kind: "citizen" }), tIn("zh-CN"))).toBe("个人");
    expect(describeAccount(account({ kind: "company" }), tIn("en"))).toBe("Company");
  });

  it("names an institution and its kind", () => {
    const bank = account({
      kind: "institution",
      institutionKind: "bank",
      institutionName: "工商银行佛山分行",
    });
    expect(describeAccount(bank, tIn("zh-CN"))).toBe("工商银行佛山分行 · 金融机构");
  });

  it("lists a member of staff's posts with their jurisdictions", () => {
    const staff = account({
      kind: "staff",
      roles: [
        { role: "acceptor", jurisdiction: "440604", jurisdictionName: "禅城区" },
        { role: "reviewer", jurisdiction: "440604", jurisdictionName: "禅城区" },
      ],
    });
    expect(describeAccount(staff, tIn("zh-CN"))).toBe("受理员（禅城区）、审核员（禅城区）");
    expect(describeAccount(staff, tIn("en"))).toBe("Acceptor (禅城区), Reviewer (禅城区)");
  });
});
