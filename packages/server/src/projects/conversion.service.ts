import type { PartyRole, UnitSlice } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { inTransaction } from "../platform/db/database";
import type { NoticeParty } from "../platform/db/schema";
import { AppError } from "../platform/errors";
import { blockingOf, materialsOf, partDraft } from "./presale.service";
import { findBuilding, findProject, listNotices, type NoticeRow, settleNotice } from "./project.repository";
import type { ProjectDeps } from "./project.service";
import { lockedSlice, type presentRuleFinding, registerUnitCase } from "./unit-registration";

export const TRANSFER = "transfer.sale";
export const MORTGAGE = "mortgage.first.general";
export const CONVERSION = "combined.advance-notice-conversion";

/** The live presale notices of the unit: the purchase notice and the bank's mortgage notice. */
function liveNotices(slice: UnitSlice) {
  const live = slice.encumbrances.filter((e) => e.kind === "advance-notice" && e.status !== "historic");
  const kindOf = (e: (typeof live)[number]) => (e.particulars as { noticeKind?: string }).noticeKind;
  return {
    sale: live.find((e) => kindOf(e) === "presale-sale"),
    mortgage: live.find((e) => kindOf(e) === "presale-mortgage"),
  };
}

const asPairs = (people: NoticeParty[], role: PartyRole) =>
  people.map((p) => [p, role] as [NoticeParty, PartyRole]);

/**
 * 预转本 (R11) of one unit, its own case in its own transaction: the purchase notice becomes the
 * buyer's transfer and the mortgage notice the bank's first mortgage (预转本 combined), every rule
 * re-checked at commit against the unit as it now stands — a seizure that arrived meanwhile (R7),
 * a lapsed notice (R11) or a deed tax not cleared (R22) leaves the notice listed with its finding.
 */
async function convertOne(deps: ProjectDeps, ctx: RequestContext, seller: NoticeParty, notice: NoticeRow) {
  const { db, ports, now } = deps;
  const calendar = await ports.calendar();
  const at = now();
  return inTransaction(db, async (tx) => {
    const slice = await lockedSlice(tx, ports, notice.unit_code);
    const { sale, mortgage } = liveNotices(slice);
    const caseId = notice.case_id;
    const taxCleared = await ports.taxCleared(tx, caseId);
    const mats = materialsOf(TRANSFER, ...(notice.mortgage ? [MORTGAGE] : []));
    const drafts = [
      partDraft(
        TRANSFER,
        notice.unit_code,
        [...asPairs(notice.buyers, "right-holder"), [seller, "obligor"]],
        mats,
        {
          fromAdvanceNoticeId: sale ? String(sale.seq) : "none",
          taxCleared,
        },
      ),
      ...(notice.mortgage
        ? [
            partDraft(
              MORTGAGE,
              notice.unit_code,
              [[notice.mortgage.bank, "right-holder"], ...asPairs(notice.buyers, "obligor")],
              mats,
              {
                fromAdvanceNoticeId: mortgage ? String(mortgage.seq) : "none",
                mortgage: { amount: notice.mortgage.amountFen },
                taxCleared,
              },
            ),
          ]
        : []),
    ];
    const outcome = await registerUnitCase(
      tx,
      ctx,
      { caseId, ...(drafts.length > 1 ? { combinedTypeId: CONVERSION } : {}), drafts },
      { ports, calendar, now: at, slice },
    );
    const key = { projectId: notice.project_id, unitCode: notice.unit_code };
    if (!outcome.ok) {
      const findings = blockingOf(outcome.findings);
      await settleNotice(tx, key, { status: "failed", findings, certificates: [], at });
      return { unitCode: notice.unit_code, caseId, ok: false as const, findings };
    }
    await settleNotice(tx, key, {
      status: "converted",
      findings: [],
      certificates: outcome.certificates,
      at,
    });
    return { unitCode: notice.unit_code, caseId, ok: true as const, certificates: outcome.certificates };
  });
}

/**
 * The automatic 预转本 of a building once its first registration is recorded: each filed notice
 * is converted in its own transaction; the ones refused stay listed for the developer and the
 * clerk with their findings, and the rest go on. Runs again safely: only `filed` and `failed`
 * notices are tried.
 */
export function createConversionService(deps: ProjectDeps) {
  const { db, ports } = deps;
  async function convertBuilding(ctx: RequestContext, projectId: string, buildingNo: string) {
    const project = await findProject(db, projectId);
    if (!project) throw new AppError("PROJECT.NOT_FOUND");
    const building = await findBuilding(db, projectId, buildingNo);
    if (!building) throw new AppError("PROJECT.BUILDING_NOT_FOUND");
    if (!building.registered_at) throw new AppError("PROJECT.NOT_REGISTERED");
    const createdBy = project.created_by;
    const seller = await ports.partyOfAccount(createdBy);
    const notices = (await listNotices(db, projectId, building.unit_codes)).filter(
      (n) => n.status !== "converted",
    );
    const results = [];
    for (const notice of notices) results.push(await convertOne(deps, ctx, seller, notice));
    ports.certificates.wake();
    const failed = results.filter((r) => !r.ok);
    await writeAudit(db, ctx, {
      action: "project.notices.convert",
      outcome: "success",
      targetType: "building",
      targetId: `${project.parcel_code}F${buildingNo}`,
      jurisdiction: project.jurisdiction,
      details: { converted: results.length - failed.length, failed: failed.length },
    });
    return { converted: results.length - failed.length, failed, results };
  }

  /** The notices of a project with their state and, for the refused ones, the findings. */
  async function listOf(projectId: string) {
    return (await listNotices(db, projectId)).map((n) => ({
      unitCode: n.unit_code,
      contractNo: n.contract_no,
      buyers: n.buyers.map((b) => ({ name: b.name, idNumberMasked: b.idNumberMasked })),
      bank: n.mortgage?.bank.name ?? null,
      amountFen: n.mortgage?.amountFen ?? null,
      caseId: n.case_id,
      status: n.status,
      findings: n.findings as ReturnType<typeof presentRuleFinding>[],
      certificates: n.certificates,
    }));
  }

  return { convertBuilding, listOf };
}
