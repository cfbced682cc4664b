import { calculateDeedTax, DEED_TAX_RULES_2024 } from "@yulin/domain/fees/index";
import { ConnectorError } from "../shared/http-client";
import type { SimulatorStore } from "../shared/simulator-store.repository";
import { canonicalJson, sm2Verify, sm3Hex } from "../shared/sm2";
import type { AssessmentAnswer, TaxConnector, TaxDeclaration } from "./tax.connector";

/**
 * A tax bureau that behaves like the real one: it assesses deed tax by the December 2024 rules,
 * accepts a platform-sealed guarantee as the household count, confirms payment with a voucher,
 * and records registration notices. Numbers derive from the idempotency key, so a repeated call
 * gets the same answer.
 */
export function createTaxSimulator(deps: {
  store: SimulatorStore;
  localRateBp: number;
  platformPublicKey: string;
  now: () => Date;
}): TaxConnector {
  const number = (prefix: string, key: string) => `${prefix}${sm3Hex(key).slice(0, 14).toUpperCase()}`;

  async function assess(
    declaration: TaxDeclaration,
    key: string,
    contested: boolean,
  ): Promise<AssessmentAnswer> {
    const guarantee = declaration.household.guarantee;
    if (contested) {
      if (
        !guarantee ||
        !sm2Verify(canonicalJson(guarantee.statement), guarantee.seal, deps.platformPublicKey)
      ) {
        throw new ConnectorError("tax simulator: the guarantee's seal does not verify", false, 400);
      }
    }
    const homesBefore = guarantee
      ? guarantee.statement.claimedHomesBefore
      : declaration.household.homesBefore;
    const result = calculateDeedTax(
      {
        baseFen: declaration.priceFen,
        areaSqm: declaration.unit.areaSqm,
        use: declaration.unit.use,
        buyer: declaration.buyerKind,
        transfer: declaration.transfer,
        statutoryHeir: declaration.statutoryHeir ?? undefined,
        householdHomesBefore: homesBefore,
        onDate: declaration.onDate,
      },
      { ...DEED_TAX_RULES_2024, localRateBp: deps.localRateBp },
    );
    if (!result.ok) {
      throw new ConnectorError(
        `tax simulator refused: ${result.error.map((f) => f.code).join(", ")}`,
        false,
        422,
      );
    }
    const a = result.value;
    const assessedAt = deps.now().toISOString();
    const assessmentNo = number("SA", key);
    const answer: AssessmentAnswer = {
      assessment: {
        assessmentNo,
        caseRef: declaration.caseRef,
        lines:
          a.amountFen > 0
            ? [{ code: "DEED_TAX", label_zh: "契税", label_en: "Deed tax", amountFen: a.amountFen }]
            : [],
        totalFen: a.amountFen,
        householdHomesBefore: homesBefore,
        category: a.category,
        rateBp: a.rateBp,
        assessedAt,
      },
      // Nothing to pay: the bureau issues its exemption certificate straight away.
      confirmation:
        a.amountFen === 0
          ? {
              caseRef: declaration.caseRef,
              voucherNo: number("SE", key),
              assessmentNo,
              kind: "exempt",
              amountFen: 0,
              confirmedAt: assessedAt,
            }
          : null,
    };
    await deps.store.put("tax", "assessment", assessmentNo, { ...answer.assessment });
    return answer;
  }

  return {
    mode: "simulator",
    declare: (declaration, key) => assess(declaration, key, false),
    contest: (declaration, key) => assess(declaration, key, true),
    async notifyPayment(notice, key) {
      const assessment = await deps.store.get<{ totalFen: number; caseRef: string }>(
        "tax",
        "assessment",
        notice.assessmentNo,
      );
      if (!assessment || assessment.caseRef !== notice.caseRef) {
        throw new ConnectorError("tax simulator: unknown assessment", false, 404);
      }
      if (assessment.totalFen !== notice.amountFen) {
        throw new ConnectorError("tax simulator: paid amount differs from the assessment", false, 409);
      }
      const confirmation = {
        caseRef: notice.caseRef,
        voucherNo: number("SV", key),
        assessmentNo: notice.assessmentNo,
        kind: "paid" as const,
        amountFen: notice.amountFen,
        confirmedAt: deps.now().toISOString(),
      };
      await deps.store.put("tax", "voucher", confirmation.voucherNo, confirmation, { onlyIfAbsent: true });
      return { confirmation };
    },
    async notifyRegistered(notice) {
      await deps.store.put("tax", "registered", notice.caseRef, { ...notice }, { onlyIfAbsent: true });
    },
    /** The bureau keeps the notice: its own 退税 procedure starts from it. */
    async notifyClosedUnregistered(notice, key) {
      await deps.store.put("tax", "closed-unregistered", key, { ...notice }, { onlyIfAbsent: true });
    },
  };
}
