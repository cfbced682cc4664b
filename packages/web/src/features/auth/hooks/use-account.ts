import { createContext, useContext } from "react";
import type { Account } from "../../../api/types";

/** The logged-in account inside an area; `RequireArea` provides it once the session is known. */
export const AccountContext = createContext<Account | null>(null);

export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (!account) throw new Error("useAccount() is only available inside <RequireArea>");
  return account;
}
