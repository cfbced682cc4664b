/**
 * 注册 — self sign-up and password reset by SMS code: who may open an account and how a one-time
 * code is judged. Pure rules; the server supplies the clock, the code and the department answers.
 */
import type { IsoDate } from "../calendar/iso-date";
import { isMinor } from "../fees/household";
import { finding } from "../identifiers/findings";
import { isMobilePhone } from "../identifiers/phone";
import { parseResidentId } from "../identifiers/resident-id";
import { err, type Finding, ok, type Result } from "../result";

export const SIGN_UP_POLICY = {
  /** A code lives five minutes, as the SMS says. */
  codeTtlSeconds: 300,
  /** The fifth wrong code burns the challenge: a new code must be asked for. */
  maxCodeAttempts: 5,
  /** One code per phone per minute. */
  resendAfterSeconds: 60,
  codeDigits: 6,
} as const;

export type SignUpApplicant = { name: string; idNumber: string; phone: string };
export type CheckedApplicant = {
  name: string;
  idNumber: string;
  phone: string;
  birthDate: IsoDate;
  sex: "male" | "female";
};

/** 民法典 第十七条: eighteen and over is an adult; a minor acts through a guardian, not an account. */
const MINOR = finding(
  "SIGNUP.MINOR",
  "block",
  "未满十八周岁，不能自行注册；请由监护人代为办理",
  "Under eighteen: a guardian acts for a minor, who cannot open an account",
  "民法典 第十七条、第十九条",
);
const NAME = finding(
  "SIGNUP.NAME_FORMAT",
  "block",
  "姓名应为2至30个汉字或字母（可含间隔点·）",
  "A name has 2 to 30 Chinese characters or letters (the middle dot · allowed)",
);
const PHONE = finding(
  "SIGNUP.PHONE_FORMAT",
  "block",
  "请填写11位手机号码",
  "Enter an 11-digit mobile number",
);

/** The name as the public-security record spells it: no spaces, one kind of middle dot. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, "").replace(/[．.•・]/g, "·");
}

/** Everything about an applicant that can be judged without asking a department. */
export function checkSignUpApplicant(
  input: SignUpApplicant,
  today: IsoDate,
): Result<CheckedApplicant, Finding[]> {
  const findings: Finding[] = [];
  const name = normaliseName(input.name);
  if (!/^[\p{Script=Han}A-Za-z·]{2,30}$/u.test(name)) findings.push(NAME);
  const phone = input.phone.replace(/[\s-]/g, "");
  if (!isMobilePhone(phone)) findings.push(PHONE);
  const id = parseResidentId(input.idNumber, { today });
  if (!id.ok) return err([...findings, ...id.error.filter((f) => f.severity === "block")]);
  if (isMinor(id.value.birthDate, today)) findings.push(MINOR);
  if (findings.length > 0) return err(findings);
  return ok({ name, idNumber: id.value.id, phone, birthDate: id.value.birthDate, sex: id.value.sex });
}

/** Whether the name given matches the one on record (public security / e-licence library). */
export function namesMatch(given: string, onRecord: string): boolean {
  return normaliseName(given) === normaliseName(onRecord);
}

export type CodeChallenge = { attempts: number; expiresAt: Date; consumed: boolean };
export type CodeVerdict = "accepted" | "wrong" | "exhausted" | "expired" | "used";

/**
 * Judges one try of a code. `matches` is whether the code is right; a challenge already burned,
 * used or expired refuses even the right code.
 */
export function judgeCode(challenge: CodeChallenge, matches: boolean, now: Date): CodeVerdict {
  if (challenge.consumed) return "used";
  if (challenge.attempts >= SIGN_UP_POLICY.maxCodeAttempts) return "exhausted";
  if (now.getTime() >= challenge.expiresAt.getTime()) return "expired";
  if (matches) return "accepted";
  return challenge.attempts + 1 >= SIGN_UP_POLICY.maxCodeAttempts ? "exhausted" : "wrong";
}

/** Tries left after a wrong code, for the message "还可尝试 n 次". */
export function attemptsLeft(attemptsSoFar: number): number {
  return Math.max(0, SIGN_UP_POLICY.maxCodeAttempts - attemptsSoFar);
}
