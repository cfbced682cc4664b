import { describe, expect, it } from "vitest";
import type { Result } from "../result";
import { ruleFinding } from "./rules/rule";
import {
  type ActorRole,
  availableActions,
  type CaseAction,
  type CaseState,
  newCase,
  transition,
} from "./stage-machine";
import { CALENDAR } from "./testing/given";
import { caseDeadline } from "./time-limits";

const at = (date: string, time = "10:00") => `${date}T${time}:00+08:00`;

const value = <T>(result: Result<T, unknown>): T => {
  if (!result.ok) throw new Error(`transition refused: ${JSON.stringify(result.error)}`);
  return result.value;
};

const run = (state: CaseState, steps: Array<[CaseAction, ActorRole, string]>) =>
  steps.reduce((s, [action, actor, now]) => value(transition(s, action, actor, now)), state);

const accepted = (typeId = "transfer.sale") =>
  run(newCase(typeId), [
    [{ kind: "submit" }, "applicant", at("2025-06-09")],
    [{ kind: "accept" }, "acceptor", at("2025-06-09", "11:00")],
  ]);

const codes = (result: Result<unknown, { code: string }[]>) =>
  result.ok ? [] : result.error.map((e) => e.code);

describe("case stage machine", () => {
  it("walks a sale from application to archive, each step by its role, on one timeline", () => {
    const done = run(accepted(), [
      [{ kind: "review", findings: [] }, "reviewer", at("2025-06-10")],
      [{ kind: "register", findings: [] }, "registrar", at("2025-06-10", "15:00")],
      [{ kind: "certify" }, "issuer", at("2025-06-11")],
      [{ kind: "issue", findings: [] }, "issuer", at("2025-06-11", "16:00")],
      [{ kind: "archive" }, "archivist", at("2025-06-12")],
    ]);
    expect(done.stage).toBe("archived");
    expect(done.acceptedOn).toBe("2025-06-09");
    expect(done.history.map((h) => [h.to, h.actor])).toEqual([
      ["submitted", "applicant"],
      ["accepted", "acceptor"],
      ["reviewed", "reviewer"],
      ["registered", "registrar"],
      ["certified", "issuer"],
      ["issued", "issuer"],
      ["archived", "archivist"],
    ]);
  });

  it("refuses withdrawal after registering (R28) and allows it before", () => {
    const reviewed = value(
      transition(accepted(), { kind: "review", findings: [] }, "reviewer", at("2025-06-10")),
    );
    const alone = { kind: "withdraw", applicants: ["li"], by: ["li"] } as const;
    expect(value(transition(reviewed, alone, "applicant", at("2025-06-10"))).stage).toBe("withdrawn");
    const registered = value(
      transition(reviewed, { kind: "register", findings: [] }, "registrar", at("2025-06-10")),
    );
    expect(codes(transition(registered, alone, "applicant", at("2025-06-11")))).toEqual([
      "R28.AFTER_RECORDING",
    ]);
  });

  it("withdraws a joint application only when every applicant has agreed (R28)", () => {
    const reviewed = value(
      transition(accepted(), { kind: "review", findings: [] }, "reviewer", at("2025-06-10")),
    );
    const applicants = ["li", "zhang"];
    const asked = value(
      transition(reviewed, { kind: "withdraw", applicants, by: ["li"] }, "applicant", at("2025-06-10")),
    );
    expect(asked.stage).toBe("reviewed");
    expect(asked.history).toEqual(reviewed.history);
    expect(asked.withdrawal).toEqual({
      requestedBy: "li",
      requestedAt: at("2025-06-10"),
      confirmedBy: ["li"],
    });
    const twice = transition(
      asked,
      { kind: "withdraw", applicants, by: ["li"] },
      "applicant",
      at("2025-06-11"),
    );
    expect(codes(twice)).toEqual(["CASE.WITHDRAW_ALREADY_CONFIRMED"]);
    const stranger = transition(
      asked,
      { kind: "withdraw", applicants, by: ["wang"] },
      "applicant",
      at("2025-06-11"),
    );
    expect(codes(stranger)).toEqual(["CASE.WITHDRAW_NOT_AN_APPLICANT"]);
    const agreed = value(
      transition(asked, { kind: "withdraw", applicants, by: ["zhang"] }, "applicant", at("2025-06-11")),
    );
    expect(agreed.stage).toBe("withdrawn");
    // An agent acting for both agrees for both at once.
    const both = transition(
      reviewed,
      { kind: "withdraw", applicants, by: applicants },
      "applicant",
      at("2025-06-10"),
    );
    expect(value(both).stage).toBe("withdrawn");
  });

  it("refuses a refusal or non-acceptance without written reasons (R29)", () => {
    expect(
      codes(transition(accepted(), { kind: "refuse", reasons: [] }, "reviewer", at("2025-06-10"))),
    ).toEqual(["R29.REASONS_REQUIRED"]);
    expect(
      codes(transition(accepted(), { kind: "refuse", reasons: ["  "] }, "reviewer", at("2025-06-10"))),
    ).toEqual(["R29.REASONS_REQUIRED"]);
    const refused = value(
      transition(
        accepted(),
        { kind: "refuse", reasons: ["存在尚未解决的权属争议"] },
        "reviewer",
        at("2025-06-10"),
      ),
    );
    expect(refused.stage).toBe("refused");
    expect(refused.history.at(-1)?.reasons).toEqual(["存在尚未解决的权属争议"]);
    const submitted = value(
      transition(newCase("transfer.sale"), { kind: "submit" }, "applicant", at("2025-06-09")),
    );
    expect(
      codes(transition(submitted, { kind: "not-accept", reasons: [] }, "acceptor", at("2025-06-09"))),
    ).toEqual(["R29.REASONS_REQUIRED"]);
  });

  it("names the stage, the action and the role in a refusal, never their codes", () => {
    const byAcceptor = transition(
      accepted(),
      { kind: "register", findings: [] },
      "acceptor",
      at("2025-06-10"),
    );
    const byRegistrar = transition(
      accepted(),
      { kind: "register", findings: [] },
      "registrar",
      at("2025-06-10"),
    );
    const messages = [byAcceptor, byRegistrar].flatMap((r) => (r.ok ? [] : r.error.map((f) => f.message_zh)));
    expect(messages).toEqual(["受理员不能登簿", "案件处于“受理”阶段，不能登簿"]);
  });

  it("lets only the right role act", () => {
    expect(
      codes(transition(accepted(), { kind: "register", findings: [] }, "acceptor", at("2025-06-10"))),
    ).toEqual(["CASE.ROLE_NOT_ALLOWED"]);
    expect(
      codes(transition(accepted(), { kind: "register", findings: [] }, "registrar", at("2025-06-10"))),
    ).toEqual(["CASE.NOT_FROM_STAGE"]);
    expect(availableActions(accepted(), "reviewer")).toEqual([
      "request-correction",
      "start-announcement",
      "review",
      "suspend",
      "refuse",
    ]);
  });

  it("refuses to register at commit when a seizure arrived during review (check at commit)", () => {
    const reviewed = value(
      transition(accepted(), { kind: "review", findings: [] }, "reviewer", at("2025-06-10")),
    );
    const seized = ruleFinding("R7", "UNIT_SEIZED", "block", "已查封", "seized", "民法典 第399条");
    expect(
      codes(transition(reviewed, { kind: "register", findings: [seized] }, "registrar", at("2025-06-10"))),
    ).toEqual(["R7.UNIT_SEIZED"]);
  });

  it("pauses the clock during correction and lists everything to fix at once (R23, R29)", () => {
    expect(
      codes(transition(accepted(), { kind: "request-correction", items: [] }, "reviewer", at("2025-06-10"))),
    ).toEqual(["R29.ITEMS_REQUIRED"]);
    const corrected = run(accepted(), [
      [
        { kind: "request-correction", items: ["补充完税凭证", "补充授权委托书"] },
        "reviewer",
        at("2025-06-10"),
      ],
      [{ kind: "resubmit" }, "applicant", at("2025-06-13")],
    ]);
    expect(corrected.stage).toBe("accepted");
    expect(corrected.pauses).toEqual([{ kind: "correction", from: "2025-06-10", to: "2025-06-13" }]);
    expect(caseDeadline("2025-06-09", 3, corrected.pauses, CALENDAR).date).toBe("2025-06-17");
  });

  it("runs the announcement before review, and suspends on objections (R20)", () => {
    const homestead = accepted("first.homestead");
    expect(
      codes(transition(homestead, { kind: "review", findings: [] }, "reviewer", at("2025-06-10"))),
    ).toEqual(["R20.ANNOUNCE_FIRST"]);
    const announcing = value(
      transition(homestead, { kind: "start-announcement", calendar: CALENDAR }, "reviewer", at("2025-06-10")),
    );
    expect(announcing.announcement?.endsOn).toBe("2025-07-01");
    expect(codes(transition(announcing, { kind: "end-announcement" }, "system", at("2025-07-01")))).toEqual([
      "R20.STILL_RUNNING",
    ]);
    const ended = value(transition(announcing, { kind: "end-announcement" }, "system", at("2025-07-02")));
    expect(
      value(transition(ended, { kind: "review", findings: [] }, "reviewer", at("2025-07-02"))).stage,
    ).toBe("reviewed");
    const objected = value(
      transition(
        announcing,
        { kind: "receive-objection", reasons: ["邻户主张界址有误"] },
        "reviewer",
        at("2025-06-20"),
      ),
    );
    expect(objected.stage).toBe("suspended");
    expect(objected.pauses.map((p) => p.kind)).toEqual(["announcement", "suspension"]);
    expect(value(transition(objected, { kind: "resume" }, "reviewer", at("2025-06-30"))).stage).toBe(
      "accepted",
    );
  });

  it("registers and certifies an instant mortgage with no human step", () => {
    const submitted = value(
      transition(
        newCase("mortgage.first.general"),
        { kind: "submit" },
        "applicant",
        at("2025-06-14", "23:30"),
      ),
    );
    const done = value(
      transition(
        submitted,
        { kind: "auto", route: { route: "automatic" } },
        "system",
        at("2025-06-14", "23:30"),
      ),
    );
    expect(done.stage).toBe("certified");
    expect(done.history.slice(1).map((h) => [h.to, h.actor])).toEqual([
      ["accepted", "system"],
      ["reviewed", "system"],
      ["registered", "system"],
      ["certified", "system"],
    ]);
  });

  it("sends an instant case with findings to a human, and never automates a sale", () => {
    const submitted = value(
      transition(newCase("mortgage.first.general"), { kind: "submit" }, "applicant", at("2025-06-14")),
    );
    const human = transition(
      submitted,
      { kind: "auto", route: { route: "human", reasons: ["R12 objection"] } },
      "system",
      at("2025-06-14"),
    );
    expect(codes(human)).toEqual(["CASE.NEEDS_HUMAN"]);
    const sale = value(
      transition(newCase("transfer.sale"), { kind: "submit" }, "applicant", at("2025-06-14")),
    );
    expect(
      codes(transition(sale, { kind: "auto", route: { route: "automatic" } }, "system", at("2025-06-14"))),
    ).toEqual(["CASE.NOT_INSTANT"]);
  });

  it("archives a seizure straight after registering: it yields no certificate", () => {
    const submitted = value(
      transition(newCase("seizure.seize"), { kind: "submit" }, "applicant", at("2025-06-14")),
    );
    const registered = value(
      transition(submitted, { kind: "auto", route: { route: "automatic" } }, "system", at("2025-06-14")),
    );
    expect(registered.stage).toBe("registered");
    expect(codes(transition(registered, { kind: "certify" }, "issuer", at("2025-06-14")))).toEqual([
      "CASE.NOTHING_TO_CERTIFY",
    ]);
    expect(availableActions(registered, "issuer")).toEqual([]);
    expect(value(transition(registered, { kind: "archive" }, "archivist", at("2025-06-15"))).stage).toBe(
      "archived",
    );
  });
});
