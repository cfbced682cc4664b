/**
 * What sign-up asks of the departments, declared here and wired in `entrypoints/setup.ts` to the
 * connectors of `integrations/` (simulators on the embedded default).
 */
export type SignUpPorts = {
  /** 短信平台: sends a one-time code. Idempotent by `ref`. */
  sendSms(message: {
    phone: string;
    template: "sign-up-code" | "password-reset-code";
    params: Readonly<Record<string, string>>;
    ref: string;
  }): Promise<void>;
  /** 实名核验: the name on the public-security record of an ID number, or null when there is none. */
  nameOnRecord(idNumber: string, ref: string): Promise<string | null>;
  /** 人脸核验: whether a live photo matches the ID record's portrait. */
  faceMatches(idNumber: string, image: Buffer, ref: string): Promise<boolean>;
  /** 营业执照: the company's name and its legal representative's ID number, or null when unknown. */
  businessLicence(
    creditCode: string,
    ref: string,
  ): Promise<{ name: string; legalRepresentativeIdNumber: string | null } | null>;
};
