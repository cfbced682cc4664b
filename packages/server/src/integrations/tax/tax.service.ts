import crypto from "node:crypto";
import { type Actor, can, findCounty, parseResidentId } from "@yulin/domain";
import { calculateDeedTax, DEED_TAX_RULES_2024, householdOf } from "@yulin/domain/fees/index";
import { findAccountIdentity } from "../../identity/account.repository";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import type { PiiCipher } from "../../platform/crypto/pii-cipher";
import { type Database, inTransaction, type Tx } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { findOrderByCase } from "../payment/payment.repository";
import { canonicalJson, sm2Sign } from "../shared/sm2";
import { type HouseholdHousingCount, housingCityOf } from "./household-housing-count";
import type { AssessmentAnswer, TaxDeclaration } from "./tax.connector";
import {
  findCurrentAssessment,
  findDeclaration,
  insertAssessment,
  insertDeclaration,
  listConfirmations,
  updateDeclaration,
} from "./tax.repository";
import type { TaxOutbox } from "./tax.topics";
import { createTaxClearance, TAX_CONNECTOR } from "./tax-clearance";

export type DeclareTaxInput = {
  caseRef: string;
  jurisdiction: string;
  contractNo?: string | null;
  unit: { unitCode: string; address: string; areaSqm: number; use: "residential" | "non-residential" };
  priceFen: number;
  transfer: TaxDeclaration["transfer"];
  statutoryHeir?: boolean | null;
  onDate: string;
  buyerKind: "individual" | "organisation";
  buyers: Array<{ name: string; idNumber: string }>;
  sellers: Array<{ name: string; idNumber: string }>;
  /** The first buyer's household: spouse and children (minors are picked by birth date). */
  spouse?: { name: string; idNumber: string } | null;
  children?: Array<{ idNumber: string }>;
};

/**
 * Tax collaboration (税务协同): declaration with the household's home count from the register,
 * contest by signed guarantee, assessment and confirmation from the tax department, and the
 * two-way check (完税双向核验): `requireTaxCleared` before registering a taxable transfer (R22),
 * `notifyTaxRegistered` afterwards to close the loop.
 */
export function createTaxService(deps: {
  db: Database;
  pii: PiiCipher;
  outbox: TaxOutbox;
  housingCount: HouseholdHousingCount;
  signingKey: { privateKey: string };
  localRateBp: number;
  now: () => Date;
  wake?: () => void;
}) {
  const personKey = (idNumber: string) => deps.pii.lookupHash(idNumber);
  const clearance = createTaxClearance(deps);
  const { recordConfirmation } = clearance;

  function authorize(ctx: RequestContext, jurisdiction: string): Actor | null {
    if (ctx.actor === null) return null; // the system itself (cases module, CLI)
    if (!can(ctx.actor, "integrations.request", { jurisdiction })) throw new AppError("AUTH.FORBIDDEN");
    return ctx.actor;
  }

  /** The same calculator the simulated bureau uses refuses nonsense before anything is sent. */
  function validate(input: DeclareTaxInput, homesBefore: number) {
    const check = calculateDeedTax(
      {
        baseFen: input.priceFen,
        areaSqm: input.unit.areaSqm,
        use: input.unit.use,
        buyer: input.buyerKind,
        transfer: input.transfer,
        statutoryHeir: input.statutoryHeir ?? undefined,
        householdHomesBefore: homesBefore,
        onDate: input.onDate,
      },
      { ...DEED_TAX_RULES_2024, localRateBp: deps.localRateBp },
    );
    if (!check.ok) throw new AppError("TAX.INVALID", { findings: check.error });
  }

  /** Pushes the declaration through the outbox; the assessment arrives when it is delivered. */
  async function declareTax(ctx: RequestContext, input: DeclareTaxInput) {
    authorize(ctx, input.jurisdiction);
    const county = findCounty(input.jurisdiction);
    if (!county) throw new AppError("OFFICE.UNKNOWN");
    const buyer = input.buyers[0];
    if (!buyer) throw new AppError("TAX.INVALID", { reason: "no buyer" });
    const people = (p: { idNumber: string }) => {
      const parsed = parseResidentId(p.idNumber);
      if (!parsed.ok)
        throw new AppError("TAX.INVALID", { reason: "household member without a valid resident ID" });
      return { personKey: personKey(parsed.value.id), birthDate: parsed.value.birthDate };
    };
    const now = deps.now();
    const result = await inTransaction(deps.db, async (tx) => {
      const household =
        input.buyerKind === "individual"
          ? householdOf(
              {
                buyer: people(buyer),
                spouse: input.spouse ? people(input.spouse) : null,
                children: (input.children ?? []).map(people),
              },
              input.onDate,
            )
          : null;
      const count = household
        ? await deps.housingCount.countHomes(tx, {
            personKeys: household.members.map((m) => m.personKey),
            cityCode: housingCityOf(county.code),
            asOf: now,
          })
        : { count: 0, unitCodes: [], source: "organisation" };
      // The home being bought is not yet the household's: it is not counted.
      const countedUnits = count.unitCodes.filter((u) => u !== input.unit.unitCode);
      const homesBefore = countedUnits.length;
      validate(input, homesBefore);
      // Time plus randomness: two declarations in the same millisecond never share a number.
      const declarationNo = `TD${input.jurisdiction}${now.getTime().toString(36).toUpperCase()}${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
      const declaration: TaxDeclaration = {
        caseRef: input.caseRef,
        declarationNo,
        jurisdiction: input.jurisdiction,
        contractNo: input.contractNo ?? null,
        unit: input.unit,
        priceFen: input.priceFen,
        transfer: input.transfer,
        statutoryHeir: input.statutoryHeir ?? null,
        onDate: input.onDate,
        buyerKind: input.buyerKind,
        buyers: input.buyers,
        sellers: input.sellers,
        household: {
          members: household?.members.length ?? 1,
          homesBefore,
          source: "register",
          guarantee: null,
        },
      };
      const summary = {
        caseRef: input.caseRef,
        declarationNo,
        unitCode: input.unit.unitCode,
        priceFen: input.priceFen,
        areaSqm: input.unit.areaSqm,
        transfer: input.transfer,
        householdMembers: declaration.household.members,
        homesBefore,
        countSource: count.source,
        // What was counted, so the buyer can see it and contest it.
        countedUnits,
      };
      const created = await insertDeclaration(tx, {
        caseRef: input.caseRef,
        jurisdiction: input.jurisdiction,
        declarationNo,
        payload: deps.pii.encrypt(JSON.stringify(declaration)),
        summary,
        householdHomes: homesBefore,
        now,
      });
      if (!created) throw new AppError("TAX.ALREADY_DECLARED", { caseRef: input.caseRef });
      await deps.outbox.enqueue(tx, "tax.declaration", declaration, {
        connector: TAX_CONNECTOR,
        idempotencyKey: `tax.declaration:${declarationNo}`,
        summary: { caseRef: input.caseRef, declarationNo },
        jurisdiction: input.jurisdiction,
      });
      await writeAudit(tx, ctx, {
        action: "tax.declare",
        outcome: "success",
        targetType: "case",
        targetId: input.caseRef,
        jurisdiction: input.jurisdiction,
        details: { declarationNo, homesBefore, countSource: count.source },
      });
      return summary;
    });
    deps.wake?.();
    return result;
  }

  /**
   * 诚信保证: the buyer states the household's home count when the register's count is wrong
   * (e.g. a home sold but not yet transferred). The platform seals the statement with its SM2 key
   * (the buyer is authenticated), and the tax department re-assesses with it.
   */
  async function contestHousingCount(
    ctx: RequestContext,
    caseRef: string,
    input: { claimedHomesBefore: number; text_zh: string },
  ) {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const now = deps.now();
    const result = await inTransaction(deps.db, async (tx) => {
      const row = await findDeclaration(tx, caseRef, { lock: true });
      if (!row) throw new AppError("AUTH.FORBIDDEN");
      const declaration = JSON.parse(deps.pii.decrypt(row.payload)) as TaxDeclaration;
      const buyerKeys = declaration.buyers.map((b) => personKey(b.idNumber));
      const own = await findAccountIdentity(tx, actor.accountId);
      const isBuyer =
        actor.kind === "citizen" && own?.id_number_hash != null && buyerKeys.includes(own.id_number_hash);
      if (!isBuyer && !can(actor, "integrations.request", { jurisdiction: row.jurisdiction })) {
        throw new AppError("AUTH.FORBIDDEN");
      }
      if (row.status === "cleared" || row.status === "registered") {
        throw new AppError("TAX.INVALID", { reason: "already cleared" });
      }
      // The order carries the assessed amounts: a re-assessment would leave it stale.
      const order = await findOrderByCase(tx, caseRef);
      if (order)
        throw new AppError("TAX.INVALID", { reason: "a payment order is open", orderNo: order.order_no });
      const statement = {
        caseRef,
        declarationNo: row.declaration_no,
        claimedHomesBefore: input.claimedHomesBefore,
        text_zh: input.text_zh,
        signedBy: actor.accountId,
        signedAt: now.toISOString(),
      };
      const seal = sm2Sign(canonicalJson(statement), deps.signingKey.privateKey);
      const contests = row.contests + 1;
      const updated: TaxDeclaration = {
        ...declaration,
        household: {
          ...declaration.household,
          homesBefore: input.claimedHomesBefore,
          source: "guarantee",
          guarantee: { statement, seal },
        },
      };
      await updateDeclaration(tx, caseRef, {
        status: "contested",
        payload: deps.pii.encrypt(JSON.stringify(updated)),
        householdHomes: input.claimedHomesBefore,
        householdSource: "guarantee",
        contests,
        now,
      });
      await deps.outbox.enqueue(tx, "tax.contest", updated, {
        connector: TAX_CONNECTOR,
        idempotencyKey: `tax.contest:${row.declaration_no}:${contests}`,
        summary: { caseRef, declarationNo: row.declaration_no, contest: contests },
        jurisdiction: row.jurisdiction,
      });
      await writeAudit(tx, ctx, {
        action: "tax.contest-household-count",
        outcome: "success",
        targetType: "case",
        targetId: caseRef,
        jurisdiction: row.jurisdiction,
        details: { claimedHomesBefore: input.claimedHomesBefore, registerCount: row.household_homes },
      });
      const counted = row.summary.countedUnits;
      return {
        caseRef,
        contest: contests,
        claimedHomesBefore: input.claimedHomesBefore,
        // The count being contested: the register's homes as the declaration counted them.
        registerCount: {
          homesBefore: row.summary.homesBefore ?? null,
          unitCodes: Array.isArray(counted) ? counted : [],
          source: row.summary.countSource ?? null,
        },
        seal,
      };
    });
    deps.wake?.();
    return result;
  }

  /** Applies the tax department's assessment (and any immediate exemption certificate). */
  async function recordAssessment(tx: Tx, answer: AssessmentAnswer, source: string): Promise<void> {
    const a = answer.assessment;
    const declaration = await findDeclaration(tx, a.caseRef, { lock: true });
    if (!declaration) throw new AppError("TAX.NOT_DECLARED", { caseRef: a.caseRef });
    const now = deps.now();
    await insertAssessment(tx, {
      assessmentNo: a.assessmentNo,
      caseRef: a.caseRef,
      lines: a.lines.map((l) => ({
        code: l.code,
        label_zh: l.label_zh,
        label_en: l.label_en,
        amount: l.amountFen,
      })),
      totalFen: a.totalFen,
      householdHomes: a.householdHomesBefore,
      category: a.category,
      rateBp: a.rateBp,
      now,
    });
    if (declaration.status !== "cleared" && declaration.status !== "registered") {
      await updateDeclaration(tx, a.caseRef, { status: "assessed", now });
    }
    if (answer.confirmation) await recordConfirmation(tx, answer.confirmation, source);
  }

  /** The case's tax status, for staff and the applicant's progress page. */
  async function getCaseTax(ctx: RequestContext, caseRef: string) {
    const declaration = await findDeclaration(deps.db, caseRef);
    if (!declaration) throw new AppError("AUTH.FORBIDDEN");
    if (ctx.actor && !can(ctx.actor, "integrations.request", { jurisdiction: declaration.jurisdiction })) {
      const own = await findAccountIdentity(deps.db, ctx.actor.accountId);
      const buyers = (JSON.parse(deps.pii.decrypt(declaration.payload)) as TaxDeclaration).buyers.map((b) =>
        personKey(b.idNumber),
      );
      if (!own?.id_number_hash || !buyers.includes(own.id_number_hash)) throw new AppError("AUTH.FORBIDDEN");
    }
    const assessment = await findCurrentAssessment(deps.db, caseRef);
    const confirmations = await listConfirmations(deps.db, caseRef);
    return {
      caseRef,
      jurisdiction: declaration.jurisdiction,
      declarationNo: declaration.declaration_no,
      status: declaration.status,
      householdHomesBefore: declaration.household_homes,
      householdSource: declaration.household_source,
      contests: declaration.contests,
      summary: declaration.summary,
      assessment: assessment
        ? {
            assessmentNo: assessment.assessment_no,
            lines: assessment.lines,
            totalFen: assessment.total_fen,
            category: assessment.category,
            rateBp: assessment.rate_bp,
            householdHomesBefore: assessment.household_homes,
            receivedAt: assessment.received_at.toISOString(),
          }
        : null,
      confirmations: confirmations.map((c) => ({
        voucherNo: c.voucher_no,
        assessmentNo: c.assessment_no,
        kind: c.kind,
        amountFen: c.amount_fen,
        confirmedAt: c.confirmed_at.toISOString(),
        source: c.source,
        registeredAt: c.registered_at?.toISOString() ?? null,
      })),
    };
  }

  return {
    declareTax,
    contestHousingCount,
    recordAssessment,
    ...clearance,
    getCaseTax,
  };
}

export type TaxService = ReturnType<typeof createTaxService>;
