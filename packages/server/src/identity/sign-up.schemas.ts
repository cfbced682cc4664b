import { z } from "zod";

const ZUsername = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/)
  .describe("3–64 lowercase letters, digits, dot, underscore or hyphen");
const ZPassword = z.string().min(10).max(256).describe("At least 10 characters, letters and digits");
const ZName = z.string().min(1).max(40).describe("姓名 as on the resident ID card");
const ZIdNumber = z
  .string()
  .min(15)
  .max(18)
  .describe("公民身份号码 (18 characters, or 15 digits for old cards)");
const ZPhone = z.string().min(11).max(20).describe("手机号码 the code is sent to");
const ZCode = z
  .string()
  .regex(/^\d{6}$/)
  .describe("6-digit code from the SMS");

export const ZSignUpCodeRequest = z.strictObject({ name: ZName, idNumber: ZIdNumber, phone: ZPhone });

export const ZCodeSent = z.object({
  challengeId: z.string().describe("Names this code in the next step"),
  phoneMasked: z.string(),
  expiresAt: z.string().describe("The code is refused after this instant (ISO 8601)"),
});

export const ZSignUpRequest = z.strictObject({
  challengeId: z.uuid(),
  code: ZCode,
  username: ZUsername,
  password: ZPassword,
  faceImage: z
    .string()
    .max(1_000_000)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .optional()
    .describe("Optional live photo (JPEG or PNG, base64) for face verification (人脸核验)"),
});

export const ZResetCodeRequest = z.strictObject({ username: z.string().min(1).max(64), phone: ZPhone });

export const ZResetRequest = z.strictObject({ challengeId: z.uuid(), code: ZCode, newPassword: ZPassword });

export const ZCompanySignUpRequest = z.strictObject({
  creditCode: z.string().min(18).max(18).describe("统一社会信用代码"),
  username: ZUsername,
  password: ZPassword,
});

export const ZAddAgentRequest = z.strictObject({
  name: ZName,
  idNumber: ZIdNumber,
  phone: ZPhone,
  username: ZUsername,
  password: ZPassword,
});

export const ZAgent = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  idNumberMasked: z.string().nullable(),
  disabled: z.boolean(),
});
