import {
  type CaseDraft,
  type MaterialId,
  type PartyRole,
  type RuleFinding,
  requireBusinessType,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { inTransaction } from "../platform/db/database";
import type { NoticeParty } from "../platform/db/schema";
import { AppError } from "../platform/errors";
import { findNoticeOfUnit, insertNotice, listBuildings } from "./project.repository";
import { type ProjectDeps, requireOwnProject } from "./project.service";
import { draftParty, lockedSlice, presentRuleFinding, registerUnitCase } from "./unit-registration";

export const SALE_NOTICE = "advance-notice.presale-sale";
export const MORTGAGE_NOTICE = "advance-notice.presale-mortgage";
export const DOUBLE_NOTICE = "combined.double-advance-notice";

/** One line of a batch: a 网签 contract, and the buyer's bank and loan for 双预告. */
export type NoticeLine = { contractNo: string; mortgage?: { bank: string; amountFen: number } };

/** A line the batch refuses, with the rule or check that refuses it. */
export type LineRefusal = {
  line: number;
  contractNo: string;
  unitCode: string | null;
  findings: Array<{ rule: string; code: string; message_zh: string; message_en: string }>;
};

/** The case numbers: the notice's filing, and the transfer (+ mortgage) that converts it (R22 keys on it). */
export const noticeCaseId = (unitCode: string) => `${unitCode.slice(0, 6)}-YG-${unitCode.slice(6)}`;
export const conversionCaseId = (unitCode: string) => `${unitCode.slice(0, 6)}-YZB-${unitCode.slice(6)}`;

export const materialsOf = (...typeIds: string[]) => [
  ...new Set(typeIds.flatMap((t) => requireBusinessType(t).materials.map((m) => m.id as MaterialId))),
];

/** A draft of one part with its parties in roles; the rest as a filed, signed and paid application. */
export function partDraft(
  typeId: string,
  unitCode: string,
  parties: Array<[NoticeParty, PartyRole]>,
  materials: readonly MaterialId[],
  extra: Partial<CaseDraft> = {},
): CaseDraft {
  return {
    typeId,
    unitCode,
    parties: parties.map(([p, role]) => draftParty(p, role)),
    materials: materials.map((id) => ({ id, source: "upload" as const })),
    consents: [],
    riskStatements: [],
    taxCleared: true,
    feePaid: true,
    ...extra,
  };
}

const refusal = (rule: string, code: string, zh: string, en: string) => ({
  rule,
  code,
  message_zh: zh,
  message_en: en,
});

/**
 * 预售商品房买卖预告 and 双预告 in batch: the developer files, for many buyers at once, the notices
 * of their 网签 contracts (read from the housing bureau through its connector); with a loan the
 * bank's 预售商品房抵押权预告 goes with it. All lines or none: a line whose contract is unknown or
 * cancelled, whose unit is outside the project, whose buyer's ID is malformed, or which the rules
 * refuse at commit (R7 seized …) is listed with its finding and nothing is filed.
 */
export function createPresaleService({ db, ports, now }: ProjectDeps) {
  async function readLine(
    line: number,
    input: NoticeLine,
    units: ReadonlySet<string>,
  ): Promise<LineRefusal | { unitCode: string; buyers: NoticeParty[]; bank: NoticeParty | null }> {
    const refuse = (unitCode: string | null, ...findings: LineRefusal["findings"]) => ({
      line,
      contractNo: input.contractNo,
      unitCode,
      findings,
    });
    const contract = await ports.fetchContract(input.contractNo);
    if (!contract || contract.status === "cancelled")
      return refuse(
        null,
        refusal(
          "HOUSING",
          "PROJECT.CONTRACT_UNKNOWN",
          "网签合同不存在或已注销",
          "no such live online contract",
        ),
      );
    const unitCode = contract.unitCode ?? "";
    if (!units.has(unitCode))
      return refuse(
        contract.unitCode,
        refusal(
          "R5",
          "PROJECT.UNIT_OUTSIDE",
          "合同房屋不在本项目楼盘表内",
          "the contract's unit is not in this project",
        ),
      );
    const buyers: NoticeParty[] = [];
    for (const b of contract.buyers) {
      try {
        buyers.push(await ports.partyOfPerson(b));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return refuse(
          unitCode,
          refusal(
            "ID",
            error.code,
            `买受人${b.name}的身份证号码有误`,
            `buyer ${b.name}: malformed ID number`,
          ),
        );
      }
    }
    const bank = input.mortgage ? await ports.partyOfUsername(input.mortgage.bank) : null;
    return { unitCode, buyers, bank };
  }

  async function fileNotices(ctx: RequestContext, projectId: string, lines: NoticeLine[]) {
    const { project, developer } = await requireOwnProject(db, ctx, projectId);
    const seller = await ports.partyOfAccount(developer.accountId);
    const buildings = await listBuildings(db, project.id);
    const units = new Set(buildings.flatMap((b) => b.unit_codes));
    const refused: LineRefusal[] = [];
    const read: Array<{
      unitCode: string;
      buyers: NoticeParty[];
      bank: NoticeParty | null;
      input: NoticeLine;
      line: number;
    }> = [];
    const seen = new Set<string>();
    for (const [i, input] of lines.entries()) {
      const r = await readLine(i + 1, input, units);
      if ("findings" in r) refused.push(r);
      else if (seen.has(r.unitCode) || (await findNoticeOfUnit(db, r.unitCode)))
        refused.push({
          line: i + 1,
          contractNo: input.contractNo,
          unitCode: r.unitCode,
          findings: [
            refusal("R10", "PROJECT.NOTICE_EXISTS", "该房屋已办理预告登记", "the unit already has a notice"),
          ],
        });
      else read.push({ ...r, input, line: i + 1 });
      if ("unitCode" in r && r.unitCode) seen.add(r.unitCode);
    }
    if (refused.length > 0) throw new AppError("PROJECT.NOTICES_REJECTED", { lines: refused });
    const calendar = await ports.calendar();
    const at = now();
    const filed = await inTransaction(db, async (tx) => {
      await ports.register.lockUnits(
        tx,
        read.map((r) => r.unitCode),
      );
      let certifications = 0;
      for (const r of read) {
        const slice = await lockedSlice(tx, ports, r.unitCode);
        const m = r.input.mortgage;
        const mats = materialsOf(SALE_NOTICE, ...(m ? [MORTGAGE_NOTICE] : []));
        const documentNo = r.input.contractNo;
        const drafts = [
          partDraft(
            SALE_NOTICE,
            r.unitCode,
            [...r.buyers.map((b) => [b, "right-holder"] as [NoticeParty, PartyRole]), [seller, "obligor"]],
            mats,
            { documentNo },
          ),
          ...(m && r.bank
            ? [
                partDraft(
                  MORTGAGE_NOTICE,
                  r.unitCode,
                  [
                    [r.bank, "right-holder"],
                    ...r.buyers.map((b) => [b, "obligor"] as [NoticeParty, PartyRole]),
                  ],
                  mats,
                  {
                    documentNo,
                    mortgage: { amount: m.amountFen },
                  },
                ),
              ]
            : []),
        ];
        const caseId = noticeCaseId(r.unitCode);
        const outcome = await registerUnitCase(
          tx,
          ctx,
          { caseId, ...(drafts.length > 1 ? { combinedTypeId: DOUBLE_NOTICE } : {}), drafts },
          { ports, calendar, now: at, slice },
        );
        if (!outcome.ok) {
          refused.push({
            line: r.line,
            contractNo: r.input.contractNo,
            unitCode: r.unitCode,
            findings: blockingOf(outcome.findings),
          });
          continue;
        }
        certifications += outcome.certificates.length;
        await insertNotice(tx, {
          project_id: project.id,
          unit_code: r.unitCode,
          contract_no: r.input.contractNo,
          buyers: r.buyers,
          mortgage: m && r.bank ? { bank: r.bank, amountFen: m.amountFen } : null,
          notice_seqs: outcome.seqs,
          case_id: conversionCaseId(r.unitCode),
        });
      }
      if (refused.length > 0) throw new AppError("PROJECT.NOTICES_REJECTED", { lines: refused });
      await writeAudit(tx, ctx, {
        action: "project.notices.file",
        outcome: "success",
        targetType: "project",
        targetId: project.id,
        jurisdiction: project.jurisdiction,
        details: { notices: read.length },
      });
      return { filed: read.length, certifications };
    });
    ports.certificates.wake();
    return filed;
  }

  return { fileNotices };
}

export const blockingOf = (findings: RuleFinding[]) =>
  findings.filter((f) => f.severity === "block").map(presentRuleFinding);
