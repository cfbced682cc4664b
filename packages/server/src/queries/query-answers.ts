import {
  answerFor,
  fieldsFor,
  type QuerentKind,
  type QueryAnswer,
  type QueryPurpose,
  type QueryResultData,
  type QueryScope,
  unitVersion,
} from "@yulin/domain";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { QueryIdentityPort, QueryRegisterPort } from "./register.port";

/**
 * Builds the disclosed answers for the units of a query, with exactly the fields of the querent's
 * kind and scope (the domain's `fieldsFor`), and the register version they reflect.
 */
export function createQueryAnswers(deps: {
  register: QueryRegisterPort;
  identity: QueryIdentityPort;
  pii: PiiCipher;
}) {
  const { register, pii } = deps;

  async function answersFor(
    unitCodes: readonly string[],
    kind: QuerentKind,
    scope: QueryScope,
  ): Promise<{ answers: QueryAnswer[]; version: number }> {
    const fields = fieldsFor(kind, scope);
    const answers: QueryAnswer[] = [];
    let version = 0;
    for (const code of unitCodes) {
      const book = await register.unitBook(code);
      if (!book) continue;
      version = Math.max(version, unitVersion(book));
      const rights = book.rights.map(({ right, holders }) => ({
        right,
        holders: holders.map((h) => ({
          ...h,
          // The full number is decrypted only when the field set discloses it.
          idNumber: fields.holderId === "present" && h.idNumberEnc ? pii.decrypt(h.idNumberEnc) : null,
        })),
      }));
      const history = fields.history ? await register.timeline(book.unit) : undefined;
      answers.push(
        answerFor(
          {
            ...book,
            rights,
            ...(history ? { history } : {}),
            ...(fields.materials ? { materials: [] } : {}),
          },
          fields,
        ),
      );
    }
    return { answers, version };
  }

  /** The certified result's content (what the query seal signs). */
  async function resultData(input: {
    number: string;
    jurisdiction: string | null;
    querent: { kind: QuerentKind; name: string };
    purpose: QueryPurpose;
    scope: QueryScope;
    subject: string;
    unitCodes: readonly string[];
    at: Date;
  }): Promise<QueryResultData> {
    const { answers, version } = await answersFor(input.unitCodes, input.querent.kind, input.scope);
    const code = input.jurisdiction ?? "";
    const officeName = (code ? await deps.identity.officeName(code) : undefined) ?? "不动产登记机构";
    return {
      number: input.number,
      office: { code, name: officeName },
      querent: input.querent,
      purpose: input.purpose,
      scope: input.scope,
      subject: input.subject,
      answeredAt: input.at.toISOString(),
      registerVersion: version,
      answers,
    };
  }

  /** The register version of the units now (to tell whether a result is out of date). */
  async function versionNow(unitCodes: readonly string[]): Promise<number> {
    let version = 0;
    for (const code of unitCodes) {
      const book = await register.unitBook(code);
      if (book) version = Math.max(version, unitVersion(book));
    }
    return version;
  }

  return { answersFor, resultData, versionNow };
}

export type QueryAnswers = ReturnType<typeof createQueryAnswers>;
