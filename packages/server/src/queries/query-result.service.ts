import crypto from "node:crypto";
import {
  appendSealTrailer,
  canonicalJson,
  QUERENT_KIND_NAMES,
  QUERY_PURPOSE_NAMES,
  QUERY_SCOPE_NAMES,
  type QueryResultData,
  querySealMessageText,
  verifySealedQueryPdf,
} from "@yulin/domain";
import type { SealKey } from "../certificates/seal-key";
import { sealKeyFingerprint } from "../certificates/seal-key";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { findApplication, storeSealedPdf } from "./query.repository";
import type { QueryAnswers } from "./query-answers";
import { renderQueryResultPdf } from "./query-result.pdf";

const sm3 = (bytes: Uint8Array): string => crypto.createHash("sm3").update(bytes).digest("hex");

/**
 * 查询结果证明: the sealed PDF of an answered query (rendered and sealed on first download with the
 * registry's SM2 seal, as certificates are, then kept), and its public verification: genuine, and
 * whether the register changed for the unit since the result was issued.
 */
export function createQueryResultService(deps: {
  db: Database;
  key: SealKey;
  publicUrl: string;
  now: () => Date;
  answers: QueryAnswers;
  trustedPublicKeys: () => Promise<string[]>;
}) {
  const { db, key } = deps;
  const verifyUrl = (token: string) => `${deps.publicUrl}/verify/query/${token}`;

  async function sealedPdf(ctx: RequestContext, id: string): Promise<{ number: string; bytes: Buffer }> {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    let row = /^[0-9a-f-]{36}$/i.test(id) ? await findApplication(db, { id }) : undefined;
    if (!row || row.account_id !== actor.accountId) throw new AppError("QUERY.NOT_FOUND");
    if (row.status !== "answered" || !row.result || !row.verify_token)
      throw new AppError("QUERY.NOT_ANSWERED");
    if (!row.pdf) {
      const data = row.result as QueryResultData;
      const body = await renderQueryResultPdf({
        data,
        verifyUrl: verifyUrl(row.verify_token),
        sealKeyFingerprint: sealKeyFingerprint(key.publicKeyHex),
      });
      const at = deps.now();
      const { text } = querySealMessageText({
        result: data,
        pdfSm3: sm3(body),
        publicKeyHex: key.publicKeyHex,
        signedAt: at.toISOString(),
      });
      const signature = key.sign(text);
      const bytes = Buffer.from(appendSealTrailer(body, text, signature));
      // Whoever stores first wins; a concurrent download reads the winner's file.
      await storeSealedPdf(db, row.id, {
        pdf: bytes,
        pdf_sm3: sm3(body),
        seal_public_key: key.publicKeyHex,
        seal_signature: signature,
        sealed_at: at,
      });
      row = (await findApplication(db, { id: row.id }))!;
    }
    await writeAudit(db, ctx, {
      action: "query.result.download",
      outcome: "success",
      targetType: "query",
      targetId: row.id,
      jurisdiction: row.jurisdiction,
    });
    return { number: row.number, bytes: Buffer.from(row.pdf!) };
  }

  /** The QR page: genuine (the stored seal verifies and matches the record) and current or changed. */
  async function verify(ctx: RequestContext, token: string) {
    const row = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await findApplication(db, { token }) : undefined;
    if (row?.status !== "answered" || !row.result) {
      await writeAudit(db, ctx, {
        action: "query.result.verify",
        outcome: "failed",
        targetType: "query-token",
      });
      throw new AppError("QUERY.NOT_FOUND");
    }
    const data = row.result as QueryResultData;
    let seal: "valid" | "invalid" | "pending" = "pending";
    if (row.pdf) {
      const checked = verifySealedQueryPdf(new Uint8Array(row.pdf), await deps.trustedPublicKeys());
      seal =
        checked.ok && canonicalJson(checked.message.result) === canonicalJson(data) ? "valid" : "invalid";
    }
    const unitCodes = row.unit_codes as string[];
    const versionNow = await deps.answers.versionNow(unitCodes);
    const changed = versionNow !== Number(row.register_version ?? 0);
    await writeAudit(db, ctx, {
      action: "query.result.verify",
      outcome: "success",
      targetType: "query",
      targetId: row.id,
      details: { seal, changed },
    });
    return {
      genuine: seal !== "invalid",
      seal,
      number: row.number,
      office: data.office,
      answeredAt: data.answeredAt,
      querentKind: QUERENT_KIND_NAMES[data.querent.kind].zh,
      purpose: QUERY_PURPOSE_NAMES[data.purpose].zh,
      scope: QUERY_SCOPE_NAMES[data.scope].zh,
      units: data.answers.map((a) => ({ unitCode: a.unitCode, address: a.address })),
      registerVersionAtIssue: data.registerVersion,
      registerVersionNow: versionNow,
      changedSinceIssue: changed,
      message_zh:
        seal === "invalid"
          ? "查询结果证明的电子签章验证失败，可能系伪造或被篡改"
          : changed
            ? "查询结果证明真实有效；出具后该不动产登记簿已发生变化，请重新查询"
            : "查询结果证明真实有效；出具后登记簿未发生变化",
      message_en:
        seal === "invalid"
          ? "The seal does not verify: the result may be forged or altered"
          : changed
            ? "Genuine; the register of this property has changed since it was issued: query again"
            : "Genuine; the register has not changed since it was issued",
    };
  }

  /** A downloaded PDF checked offline against the registry's keys. */
  async function verifyPdf(bytes: Uint8Array) {
    return verifySealedQueryPdf(bytes, await deps.trustedPublicKeys());
  }

  return { sealedPdf, verify, verifyPdf, verifyUrl };
}

export type QueryResultService = ReturnType<typeof createQueryResultService>;
