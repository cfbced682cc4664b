import { describe, expect, it } from "vitest";
import { dictionaries, type MessageKey } from "../i18n/dictionaries";
import { hallMenu } from "./hall/hall.menu";
import { portalMenu, portalMenuFor } from "./portal/portal.menu";
import { workbenchMenuFor } from "./workbench/workbench.menu";

const titles = (entries: readonly { titleKey: MessageKey }[]) =>
  entries.map((e) => dictionaries["zh-CN"][e.titleKey]);

describe("area menus", () => {
  it("show the whole hall to citizens and companies", () => {
    expect(titles(hallMenu)).toEqual(["我的申请", "办理业务", "我的不动产", "证书下载", "查询"]);
  });

  it("show each institution only its own business", () => {
    expect(titles(portalMenuFor("bank"))).toEqual(["抵押登记", "抵押物查询"]);
    expect(titles(portalMenuFor("court"))).toEqual(["查封登记", "查封列表"]);
    expect(titles(portalMenuFor("developer"))).toEqual(["项目首次登记", "预告登记"]);
    expect(titles(portalMenuFor("agent"))).toEqual(["代办业务"]);
    expect(titles(portalMenuFor("notary"))).toEqual(["公证继承"]);
    expect(titles(portalMenuFor("tax"))).toEqual(["协同任务"]);
    expect(titles(portalMenuFor("housing"))).toEqual(["协同任务"]);
    expect(portalMenuFor(null)).toEqual([]);
  });

  it("show staff only the stages their posts handle", () => {
    expect(titles(workbenchMenuFor([{ role: "acceptor" }]))).toEqual(["待受理", "查询审核", "登记簿查询"]);
    expect(titles(workbenchMenuFor([{ role: "issuer" }]))).toEqual(["待缮证", "待发证", "登记簿查询"]);
    expect(titles(workbenchMenuFor([{ role: "admin" }, { role: "reviewer" }, { role: "reviewer" }]))).toEqual(
      ["待审核", "登记簿查询", "部门接口运维", "系统管理"],
    );
    expect(workbenchMenuFor([])).toEqual([]);
    const all = workbenchMenuFor(
      (["acceptor", "reviewer", "registrar", "issuer", "archivist", "supervisor", "admin"] as const).map(
        (role) => ({
          role,
        }),
      ),
    );
    expect(titles(all)).toEqual([
      "待受理",
      "查询审核",
      "待审核",
      "待登簿",
      "待缮证",
      "待发证",
      "登记簿查询",
      "归档",
      "监管",
      "廉防预警",
      "一屏智判",
      "投诉与赔偿",
      "部门接口运维",
      "系统管理",
    ]);
  });

  it("give every page a distinct URL segment", () => {
    expect(new Set(portalMenu.map((e) => e.segment)).size).toBe(portalMenu.length);
  });
});
