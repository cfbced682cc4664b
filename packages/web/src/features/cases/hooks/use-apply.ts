import type { PartyRole } from "@yulin/domain/cases/index";
import { useNavigate } from "react-router";
import type { Account } from "../../../api/types";
import type { ServiceGuide } from "../../catalogue/catalogue";
import type { CreateCaseRequest, PartyInput } from "../api/cases.api";
import { useCreateCase } from "./use-cases";

export type ApplyParty = {
  role: PartyRole;
  account?: string;
  name?: string;
  idNumber?: string;
  share?: string;
};

export type ApplyValues = {
  unitCode: string;
  /** The caller's own role, or `helper` (帮办人) / `agent` (中介) when preparing for others. */
  as: PartyRole;
  parties: ApplyParty[];
  price?: number;
  amount?: number;
  debtEnd?: string;
  documentNo?: string;
};

const clean = (text: string | undefined) => {
  const v = text?.trim();
  return v ? v : undefined;
};

/** Turns the form into the API's request: the caller as a party (or representative) plus the others. */
export function buildCreateRequest(
  guide: ServiceGuide,
  account: Pick<Account, "username">,
  values: ApplyValues,
): CreateCaseRequest {
  const others: PartyInput[] = values.parties.map((p) => {
    const account = clean(p.account);
    const share = clean(p.share);
    return account
      ? { role: p.role, account, ...(share ? { share } : {}) }
      : {
          role: p.role,
          name: clean(p.name) ?? "",
          idType: "1",
          idNumber: clean(p.idNumber) ?? "",
          ...(share ? { share } : {}),
        };
  });
  const representative = values.as === "helper" || values.as === "agent";
  const principal = others.find((p) => p.role === "right-holder") ?? others[0];
  const me: PartyInput = representative
    ? {
        role: values.as,
        account: account.username,
        ...(principal?.account
          ? { actsFor: { account: principal.account } }
          : principal?.idNumber
            ? { actsFor: { idNumber: principal.idNumber } }
            : {}),
      }
    : { role: values.as, account: account.username };
  const details: Record<string, unknown> = {};
  if (values.price) details.priceFen = Math.round(values.price * 100);
  if (clean(values.documentNo)) details.documentNo = clean(values.documentNo);
  if (values.amount)
    details.mortgage = {
      amount: Math.round(values.amount * 100),
      ...(values.debtEnd ? { debtEnd: values.debtEnd } : {}),
    };
  if (guide.group === "transfer") details.coOwnership = "sole";
  return {
    typeId: guide.id,
    unitCode: values.unitCode.replace(/\s+/g, ""),
    parts: [{ details, parties: [me, ...others] }],
    confirm: !representative,
  };
}

/** Files the application and opens the case, where materials are uploaded and it is submitted. */
export function useApply(
  guide: ServiceGuide,
  account: Pick<Account, "username">,
  casePath: (id: string) => string,
) {
  const create = useCreateCase();
  const navigate = useNavigate();
  const apply = async (values: ApplyValues) => {
    const { id } = await create.mutateAsync(buildCreateRequest(guide, account, values));
    navigate(casePath(id));
  };
  return { apply, pending: create.isPending, error: create.error };
}
