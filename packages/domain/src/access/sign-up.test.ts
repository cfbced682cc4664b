import { describe, expect, it } from "vitest";
import { residentIdCheckCharacter } from "../identifiers/resident-id";
import { checkSignUpApplicant, judgeCode, namesMatch, SIGN_UP_POLICY } from "./sign-up";

const idBornOn = (yyyymmdd: string, seq = "123") => {
  const first17 = `440604${yyyymmdd}${seq}`;
  return first17 + residentIdCheckCharacter(first17);
};
const today = "2026-12-03";

describe("sign-up applicant", () => {
  it("accepts an adult with a valid ID, name and phone", () => {
    const r = checkSignUpApplicant(
      { name: " 赵 敏 ", idNumber: idBornOn("19900101"), phone: "139 1234 5678" },
      today,
    );
    expect(r.ok && r.value).toMatchObject({ name: "赵敏", phone: "13912345678", birthDate: "1990-01-01" });
  });

  it("refuses a seventeen-year-old and accepts on the eighteenth birthday", () => {
    const minor = checkSignUpApplicant(
      { name: "赵敏", idNumber: idBornOn("20081204"), phone: "13912345678" },
      today,
    );
    expect(!minor.ok && minor.error.map((f) => f.code)).toEqual(["SIGNUP.MINOR"]);
    const adult = checkSignUpApplicant(
      { name: "赵敏", idNumber: idBornOn("20081203"), phone: "13912345678" },
      today,
    );
    expect(adult.ok).toBe(true);
  });

  it("names every fault at once: checksum, phone, name", () => {
    const good = idBornOn("19900101");
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const r = checkSignUpApplicant({ name: "赵", idNumber: bad, phone: "12345" }, today);
    expect(r.ok).toBe(false);
    const codes = !r.ok ? r.error.map((f) => f.code) : [];
    expect(codes).toEqual(
      expect.arrayContaining(["SIGNUP.NAME_FORMAT", "SIGNUP.PHONE_FORMAT", "ID.CHECKSUM"]),
    );
  });

  it("matches names regardless of spaces and the kind of middle dot", () => {
    expect(namesMatch("阿依古丽.买买提", "阿依古丽·买买提")).toBe(true);
    expect(namesMatch("赵敏", "赵明")).toBe(false);
  });
});

describe("one-time codes", () => {
  const now = new Date("2026-12-03T10:00:00Z");
  const live = { attempts: 0, expiresAt: new Date(now.getTime() + 60_000), consumed: false };

  it("accepts the right code once, within its time", () => {
    expect(judgeCode(live, true, now)).toBe("accepted");
    expect(judgeCode({ ...live, consumed: true }, true, now)).toBe("used");
    expect(judgeCode({ ...live, expiresAt: now }, true, now)).toBe("expired");
  });

  it("burns the challenge on the fifth wrong code, and then refuses even the right one", () => {
    const max = SIGN_UP_POLICY.maxCodeAttempts;
    expect(judgeCode({ ...live, attempts: max - 2 }, false, now)).toBe("wrong");
    expect(judgeCode({ ...live, attempts: max - 1 }, false, now)).toBe("exhausted");
    expect(judgeCode({ ...live, attempts: max }, true, now)).toBe("exhausted");
  });
});
