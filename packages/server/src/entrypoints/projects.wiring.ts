import type { HolidayCalendar } from "@yulin/domain";
import { identityOfAccount, resolveIdentity } from "../cases/case-parties";
import { loadUnitSlice, lockUnits } from "../cases/unit-state.loader";
import type { CertificatesModule } from "../certificates/certificates.module";
import type { Integrations } from "../integrations/integrations.module";
import { systemContext } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import type { ProjectsPorts, SealedParty } from "../projects/projects.port";
import type { CadastreService } from "../register/cadastre.service";
import { appendEntries, readForAppend } from "../register/ledger";
import { findParcel, listBuildingsOfParcel, listUnitsOfParcel } from "../register/register.repository";

const sealedParty = (p: Awaited<ReturnType<typeof identityOfAccount>>): SealedParty => ({
  personKey: p.personKey,
  name: p.name,
  holderType: p.holderType,
  idType: p.idType,
  idNumberEnc: p.idNumberEnc,
  idNumberMasked: p.idNumberMasked,
  institutionId: p.institutionId,
  accountId: p.accountId,
});

/** The projects capability's ports onto the register, certificates, identity and departments. */
export function projectPorts(deps: {
  db: Database;
  pii: PiiCipher;
  cadastre: CadastreService;
  certificates: Pick<CertificatesModule, "service" | "sealing">;
  integrations: Pick<Integrations, "housingConnector" | "requireTaxCleared">;
  loadCalendar: () => Promise<HolidayCalendar>;
}): ProjectsPorts {
  const { db, pii, cadastre, certificates } = deps;
  // The developer's surveyed table enters the register as the registry's 地籍调查成果入库.
  const registry = (requestId: string | null) => systemContext(requestId ?? "project-import");
  return {
    register: {
      findParcel: (code) => findParcel(db, code),
      surveyedRooms: async (parcelCode) => {
        const rooms = new Map<string, Set<string>>();
        const names = new Map(
          (await listBuildingsOfParcel(db, parcelCode)).map((b) => [
            b.buildingNo,
            (b.name ?? "").replace(/幢$/, ""),
          ]),
        );
        for (const u of await listUnitsOfParcel(db, parcelCode)) {
          const name = u.buildingNo ? names.get(u.buildingNo) : undefined;
          if (!name || !u.roomLabel) continue;
          rooms.set(name, (rooms.get(name) ?? new Set()).add(u.roomLabel));
        }
        return rooms;
      },
      createBuilding: (ctx, parcel, facts) => cadastre.createBuilding(registry(ctx.requestId), parcel, facts),
      createUnits: (ctx, parcel, no, units) =>
        cadastre.createUnits(registry(ctx.requestId), parcel, no, units),
      lockUnits,
      loadUnitSlice,
      append: async (tx, entries, now) => {
        const read = await readForAppend(tx, entries);
        return appendEntries(tx, entries, { now, read });
      },
    },
    certificates: {
      prepare: (tx, ctx, input) => certificates.service.prepareInTx(tx, ctx, input),
      linkEntry: (tx, id, seq) => certificates.service.linkEntryInTx(tx, id, seq),
      voidOnUnit: (tx, ctx, input) => certificates.service.voidInTx(tx, ctx, input),
      wake: () => certificates.sealing.wake(),
    },
    partyOfAccount: async (accountId) => sealedParty(await identityOfAccount(db, pii, accountId)),
    partyOfUsername: async (username) => sealedParty(await resolveIdentity(db, pii, { account: username })),
    partyOfPerson: async (person) =>
      sealedParty(
        await resolveIdentity(db, pii, { name: person.name, idType: "1", idNumber: person.idNumber }),
      ),
    fetchContract: (no) => deps.integrations.housingConnector.fetchContract(no),
    taxCleared: (tx, caseRef) =>
      deps.integrations.requireTaxCleared(tx, caseRef).then(
        () => true,
        (error: unknown) => {
          if (error instanceof Error && "code" in error && String(error.code).startsWith("TAX."))
            return false;
          throw error;
        },
      ),
    calendar: deps.loadCalendar,
  };
}
