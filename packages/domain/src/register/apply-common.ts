/** What the apply modules share: their result type, a refusal, and the entry's current unit. */
import { err, type Finding, ok, type Result } from "../result";
import { registerFinding } from "./facts";
import type { EntryContent, Mutation, UnitRecord } from "./register.types";
import type { RegisterView } from "./register-state";

export type Applied = Result<Mutation[], Finding[]>;

export const fail = (code: string, zh: string, en: string, basis?: string): Applied =>
  err([registerFinding(code, zh, en, basis)]);

export function currentUnit(view: RegisterView, entry: EntryContent): Result<UnitRecord, Finding[]> {
  const unit = entry.unit ? view.unit(entry.unit) : undefined;
  if (!unit || unit.parcelCode !== entry.parcel || unit.status !== "current")
    return err([
      registerFinding(
        "REGISTER.UNIT_NOT_FOUND",
        `不动产单元 ${entry.unit} 不存在`,
        `Unit ${entry.unit} does not exist`,
      ),
    ]);
  return ok(unit);
}
