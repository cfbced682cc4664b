import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchPrintQueue, printQueueKey, recordPrinted } from "../api/print-queue.api";

export function usePrintQueue(office: string | null) {
  const client = useQueryClient();
  const queue = useQuery({
    queryKey: printQueueKey(office ?? ""),
    queryFn: ({ signal }) => fetchPrintQueue(office ?? "", signal),
    enabled: office !== null,
  });
  const printed = useMutation({
    mutationFn: (input: { printId: string; formSerial: string }) =>
      recordPrinted(input.printId, { formSerial: input.formSerial }),
    onSuccess: () => client.invalidateQueries({ queryKey: printQueueKey(office ?? "") }),
  });
  return { queue, printed };
}
