import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { findBusinessType } from "@yulin/domain/cases/index";
import { useState } from "react";
import { feeKindOf } from "../../catalogue/catalogue";
import type { CaseView } from "../api/cases.api";
import {
  collaborationKeys,
  createPaymentOrder,
  declareTax,
  fetchPaymentOrder,
  fetchTaxStatus,
  type PaymentOrderRequest,
  type TaxDeclarationRequest,
} from "../api/collaboration.api";
import { chinaToday } from "../deadline";

/** The case's deed tax and payment order; polls while the departments answer. */
export function useCollaboration(caseRef: string) {
  const client = useQueryClient();
  const [orderNo, setOrderNo] = useState<string | null>(null);
  const tax = useQuery({
    queryKey: collaborationKeys.tax(caseRef),
    queryFn: ({ signal }) => fetchTaxStatus(caseRef, signal),
    refetchInterval: (q) => (q.state.data && q.state.data.confirmations.length === 0 ? 2_000 : false),
  });
  const order = useQuery({
    queryKey: collaborationKeys.order(orderNo ?? ""),
    queryFn: ({ signal }) => fetchPaymentOrder(orderNo ?? "", signal),
    enabled: orderNo !== null,
    refetchInterval: (q) => (q.state.data?.status === "paid" ? false : 3_000),
  });
  const declare = useMutation({
    mutationFn: (request: TaxDeclarationRequest) => declareTax(request),
    onSuccess: () => client.invalidateQueries({ queryKey: collaborationKeys.tax(caseRef) }),
  });
  const pay = useMutation({
    mutationFn: (request: PaymentOrderRequest) => createPaymentOrder(request),
    onSuccess: (created) => {
      setOrderNo(created.orderNo);
      client.setQueryData(collaborationKeys.order(created.orderNo), created);
    },
  });
  return { tax, order, declare, pay };
}

/** The counter's declaration form: contract, price and area, and each party's ID number by party id. */
export type DeclareForm = { contractNo: string; price: number; area: number; ids: Record<string, string> };

const partiesOf = (view: CaseView, role: string) =>
  (view.parts[0]?.parties ?? []).filter((p) => p.role === role);

/** 契税申报 of a sale from the case: its buyers and sellers, with the ID numbers typed at the counter. */
export function declarationRequest(
  view: CaseView,
  address: string,
  values: DeclareForm,
): TaxDeclarationRequest {
  const withId = (p: { id: string; name: string }) => ({ name: p.name, idNumber: values.ids[p.id] ?? "" });
  return {
    caseRef: view.id,
    jurisdiction: view.registeringOffice,
    contractNo: values.contractNo || null,
    unit: { unitCode: view.unitCode, address, areaSqm: values.area, use: "residential" },
    priceFen: Math.round(values.price * 100),
    transfer: "sale",
    onDate: chinaToday(),
    buyerKind: "individual",
    buyers: partiesOf(view, "right-holder").map(withId),
    sellers: partiesOf(view, "obligor").map(withId),
  };
}

/** One payment order for the case's taxes and fee, paid by the first right holder (税费同缴). */
export function paymentOrderRequest(view: CaseView, fallbackPayer: string): PaymentOrderRequest {
  const type = findBusinessType(view.parts[0]?.typeId ?? view.typeId);
  return {
    caseRef: view.id,
    jurisdiction: view.registeringOffice,
    fee: {
      kind: type ? feeKindOf(type) : "transfer",
      property: "residential",
      certificates: type?.yields === "certificate" ? 1 : 0,
    },
    payers: {
      mode: "shares",
      payers: [{ payer: partiesOf(view, "right-holder")[0]?.name ?? fallbackPayer, shareBp: 10_000 }],
    },
  };
}
