import { type AlertDraft, type AlertRuleId, fastHandling, offHours, sameParty, samePerson } from "./alerts";
import type { OfficeFacts } from "./facts";
import {
  certificateBeforeTax,
  formsMissing,
  formsSpoiled,
  mortgageAfterPurchase,
  queriesWithoutCase,
  stageOrder,
  transferTwice,
} from "./record-rules";
import type { Thresholds } from "./thresholds";

const RULES: Record<AlertRuleId, (facts: OfficeFacts, th: Thresholds) => AlertDraft[]> = {
  "fast-handling": fastHandling,
  "off-hours": offHours,
  "same-party": sameParty,
  "stage-order": stageOrder,
  "form-spoiled": formsSpoiled,
  "form-missing": formsMissing,
  "query-no-case": queriesWithoutCase,
  "same-person": samePerson,
  "certificate-before-tax": certificateBeforeTax,
  "transfer-twice": transferTwice,
  "mortgage-after-purchase": mortgageAfterPurchase,
};

/** Every rule over one office's facts: the alerts the patterns raise, in rule order. */
export const evaluateAlerts = (facts: OfficeFacts, thresholds: Thresholds): AlertDraft[] =>
  (Object.keys(RULES) as AlertRuleId[]).flatMap((rule) => RULES[rule](facts, thresholds));
