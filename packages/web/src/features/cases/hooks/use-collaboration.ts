import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  collaborationKeys,
  createPaymentOrder,
  declareTax,
  fetchPaymentOrder,
  fetchTaxStatus,
  type PaymentOrderRequest,
  type TaxDeclarationRequest,
} from "../api/collaboration.api";

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
