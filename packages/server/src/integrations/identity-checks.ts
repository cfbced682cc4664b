import type { ElicenceConnector } from "./elicence/elicence.connector";
import type { FaceConnector } from "./face/face.connector";
import type { SmsConnector, SmsMessage } from "./sms/sms.connector";

/**
 * The department answers that sign-up needs (identity/sign-up.ports.ts): the SMS gateway, the
 * public-security ID record (through the e-licence library's ID card), face verification and the
 * market regulator's business licence.
 */
export function identityChecks(deps: {
  sms: SmsConnector;
  face: FaceConnector;
  elicence: ElicenceConnector;
}) {
  return {
    sendSms: (message: SmsMessage) => deps.sms.send(message),
    async nameOnRecord(idNumber: string, ref: string): Promise<string | null> {
      const card = await deps.elicence.fetchLicence({
        type: "id-card",
        holderNumber: idNumber,
        purpose: "实名核验 real-name verification",
        consentRef: ref,
      });
      return card?.holderName ?? null;
    },
    async faceMatches(idNumber: string, image: Buffer, ref: string): Promise<boolean> {
      return (await deps.face.verify({ idNumber, image, ref })).matched;
    },
    async businessLicence(creditCode: string, ref: string) {
      const licence = await deps.elicence.fetchLicence({
        type: "business-licence",
        holderNumber: creditCode,
        purpose: "企业注册 company sign-up",
        consentRef: ref,
      });
      if (!licence) return null;
      const rep = licence.fields.legalRepresentativeIdNumber;
      return { name: licence.holderName, legalRepresentativeIdNumber: typeof rep === "string" ? rep : null };
    },
  };
}
