import {
  type Actor,
  awaitingWithdrawal,
  pendingWithdrawal,
  type WithdrawalRequest,
  type WithdrawalVote,
} from "@yulin/domain";
import type { PartyRow } from "./case.repository";
import type { CaseBundle } from "./case-bundle";

/** Parties who apply in their own name (not agents or helpers) and can act online. */
const principals = (parties: readonly PartyRow[]) =>
  parties.filter(
    (p) => p.role !== "agent" && p.role !== "helper" && (p.account_id !== null || p.institution_id !== null),
  );

const isActor = (actor: Actor, p: PartyRow) =>
  (p.account_id !== null && p.account_id === actor.accountId) ||
  (actor.institutionId !== null && p.institution_id === actor.institutionId);

/**
 * The applicants whose agreement a withdrawal needs (by person key) and those the actor is: a
 * principal party's own account or institution, or an agent party acting for one.
 */
export function withdrawalVoteOf(actor: Actor, bundle: CaseBundle): WithdrawalVote {
  const applicants = [...new Set(principals(bundle.parties).map((p) => p.person_key))];
  const own = bundle.parties.filter((p) => isActor(actor, p));
  const by = new Set(own.filter((p) => p.role !== "agent" && p.role !== "helper").map((p) => p.person_key));
  for (const agent of own.filter((p) => p.role === "agent" && p.acts_for)) by.add(agent.acts_for!);
  return { applicants, by: [...by] };
}

/**
 * What the case page shows of a pending withdrawal: who asked, who agreed, who is awaited (names),
 * and whether the viewer has agreed already (so the page offers 同意撤回 only to the others).
 */
export function presentWithdrawal(
  stored: WithdrawalRequest | undefined,
  bundle: CaseBundle,
  viewer?: Actor,
  now: string = new Date().toISOString(),
) {
  // A lapsed request is shown as none (it no longer counts: cases/withdrawal.ts).
  const request = pendingWithdrawal(stored, now);
  if (!request) return undefined;
  const mine = viewer ? withdrawalVoteOf(viewer, bundle).by : [];
  const applicants = [...new Set(principals(bundle.parties).map((p) => p.person_key))];
  const nameOf = (key: string) => bundle.parties.find((p) => p.person_key === key)?.name ?? key;
  return {
    requestedBy: nameOf(request.requestedBy),
    requestedAt: request.requestedAt,
    confirmedBy: request.confirmedBy.map(nameOf),
    awaiting: awaitingWithdrawal(request, applicants).map(nameOf),
    agreedByYou: mine.length > 0 && mine.every((key) => request.confirmedBy.includes(key)),
  };
}
