import { type BuildingFacts, readBuildingTable, type TableBuilding } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  findProject,
  insertBuilding,
  insertProject,
  listBuildings,
  listNotices,
  listProjectsOf,
} from "./project.repository";
import type { ProjectsPorts } from "./projects.port";

export type ProjectDeps = { db: Database; ports: ProjectsPorts; now: () => Date };

/** The developer (开发企业) behind the request: an account of a developer institution. */
export function requireDeveloper(ctx: RequestContext): { accountId: string; institutionId: string } {
  const actor = ctx.actor;
  if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
  if (actor.institutionKind !== "developer" || !actor.institutionId) throw new AppError("AUTH.FORBIDDEN");
  return { accountId: actor.accountId, institutionId: actor.institutionId };
}

/** The project, when the developer owns it (another developer's project is not found). */
export async function requireOwnProject(db: Database, ctx: RequestContext, id: string) {
  const developer = requireDeveloper(ctx);
  const project = /^[0-9a-f-]{36}$/.test(id) ? await findProject(db, id) : undefined;
  if (!project || project.institution_id !== developer.institutionId) throw new AppError("PROJECT.NOT_FOUND");
  return { project, developer };
}

/** A building's facts from its units: floors, area and the address of its first unit. */
function buildingFactsOf(b: TableBuilding): BuildingFacts {
  const floors = b.units.map((u) => u.floor ?? 1);
  const address = b.units[0]!.address.replace(/[^号座幢栋]*房?$/, "");
  return {
    name: `${b.name}幢`,
    address: address || b.units[0]!.address,
    floorsAbove: Math.max(1, ...floors),
    floorsBelow: Math.max(0, ...floors.map((f) => -f)),
    structure: b.units[0]!.structure,
    completedYear: null,
    area: Math.round(b.units.reduce((s, u) => s + (u.buildingArea ?? 0), 0) * 100) / 100,
    geometry: null,
  };
}

/**
 * 开发企业项目: a project on the developer's parcel, its buildings and units imported from the
 * surveyed 楼盘表 (each bad line a finding with its rule, nothing created unless every line is good).
 */
export function createProjectService({ db, ports, now }: ProjectDeps) {
  async function create(
    ctx: RequestContext,
    input: { name: string; parcelCode: string; presalePermit?: string },
  ) {
    const developer = requireDeveloper(ctx);
    const parcelCode = input.parcelCode.toUpperCase();
    if (!(await ports.register.findParcel(parcelCode))) throw new AppError("REGISTER.PARCEL_NOT_FOUND");
    const row = await insertProject(db, {
      institution_id: developer.institutionId,
      name: input.name,
      jurisdiction: parcelCode.slice(0, 6),
      parcel_code: parcelCode,
      presale_permit: input.presalePermit ?? null,
      created_by: developer.accountId,
    });
    await writeAudit(db, ctx, {
      action: "project.create",
      outcome: "success",
      targetType: "project",
      targetId: row.id,
      jurisdiction: row.jurisdiction,
    });
    return view(row.id);
  }

  async function importTable(ctx: RequestContext, projectId: string, csv: string) {
    const { project } = await requireOwnProject(db, ctx, projectId);
    const surveyed = await ports.register.surveyedRooms(project.parcel_code);
    const table = readBuildingTable(csv, project.parcel_code, surveyed);
    if (table.findings.length > 0) throw new AppError("PROJECT.TABLE_REJECTED", { findings: table.findings });
    const created = [];
    for (const b of table.buildings) {
      const { buildingNo } = await ports.register.createBuilding(
        ctx,
        project.parcel_code,
        buildingFactsOf(b),
      );
      const units = await ports.register.createUnits(ctx, project.parcel_code, buildingNo, b.units);
      const unitCodes = units.map((u) => u.unitCode);
      await insertBuilding(db, {
        project_id: project.id,
        building_no: buildingNo,
        name: b.name,
        unit_codes: unitCodes,
      });
      created.push({ buildingNo, name: b.name, units: unitCodes.length });
    }
    await writeAudit(db, ctx, {
      action: "project.import",
      outcome: "success",
      targetType: "project",
      targetId: project.id,
      jurisdiction: project.jurisdiction,
      details: { buildings: created.length, units: created.reduce((s, b) => s + b.units, 0) },
    });
    return { buildings: created };
  }

  async function view(projectId: string) {
    const project = await findProject(db, projectId);
    if (!project) throw new AppError("PROJECT.NOT_FOUND");
    const [buildings, notices] = await Promise.all([
      listBuildings(db, projectId),
      listNotices(db, projectId),
    ]);
    return {
      id: project.id,
      name: project.name,
      parcelCode: project.parcel_code,
      presalePermit: project.presale_permit,
      createdAt: new Date(project.created_at).toISOString(),
      buildings: buildings.map((b) => ({
        buildingNo: b.building_no,
        name: b.name,
        unitCodes: b.unit_codes,
        caseId: b.case_id,
        registeredAt: b.registered_at ? new Date(b.registered_at).toISOString() : null,
        certificates: b.certificates.length,
      })),
      notices: {
        filed: notices.filter((n) => n.status === "filed").length,
        converted: notices.filter((n) => n.status === "converted").length,
        failed: notices.filter((n) => n.status === "failed").length,
      },
    };
  }

  return {
    create,
    importTable,
    async get(ctx: RequestContext, projectId: string) {
      await requireOwnProject(db, ctx, projectId);
      return view(projectId);
    },
    async list(ctx: RequestContext) {
      const developer = requireDeveloper(ctx);
      const rows = await listProjectsOf(db, developer.institutionId);
      return Promise.all(rows.map((r) => view(r.id)));
    },
    now,
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
