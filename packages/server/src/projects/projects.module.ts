import type { FastifyPluginAsync } from "fastify";
import { type RequestContext, systemContext } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { createBuildingRegistration } from "./building-registration.service";
import { createConstructionMortgage } from "./construction-mortgage.service";
import { createConversionService } from "./conversion.service";
import { createPresaleService } from "./presale.service";
import { projectRoutes } from "./project.routes";
import { createProjectService, requireOwnProject } from "./project.service";
import type { ProjectsPorts } from "./projects.port";

/**
 * Wires the projects capability (开发企业): projects and their 楼盘表, the building's first
 * registration, presale notices in batch, and the automatic 预转本 once the building is registered.
 */
export function createProjectsModule(deps: { db: Database; now: () => Date; ports: ProjectsPorts }) {
  const projects = createProjectService(deps);
  const registerBuilding = createBuildingRegistration(deps);
  const presale = createPresaleService(deps);
  const conversions = createConversionService(deps);
  return {
    projects,
    /** 在建建筑物抵押 on units of a building, R16's exclusions checked at commit. */
    mortgageBuilding: createConstructionMortgage(deps),
    presale,
    conversions,
    /**
     * The building's first registration; once it is recorded, the 预转本 of its notices runs as
     * the system (each notice its own case and transaction) and its outcome is returned with it.
     */
    async registerBuilding(
      ctx: RequestContext,
      projectId: string,
      buildingNo: string,
      input: { materials: string[] },
    ) {
      const registration = await registerBuilding(ctx, projectId, buildingNo, input);
      const conversion = await conversions.convertBuilding(
        systemContext("project-conversion"),
        projectId,
        buildingNo,
      );
      return { registration, conversion: { converted: conversion.converted, failed: conversion.failed } };
    },
    /** Runs the 预转本 again for the notices still waiting or refused (after a seizure is lifted, tax paid …). */
    async convertAgain(ctx: RequestContext, projectId: string, buildingNo: string) {
      await requireOwnProject(deps.db, ctx, projectId);
      const conversion = await conversions.convertBuilding(ctx, projectId, buildingNo);
      return { converted: conversion.converted, failed: conversion.failed };
    },
    async notices(ctx: RequestContext, projectId: string) {
      await requireOwnProject(deps.db, ctx, projectId);
      return conversions.listOf(projectId);
    },
  };
}

export type ProjectsModule = ReturnType<typeof createProjectsModule>;

export const projectsPlugin =
  (module: ProjectsModule): FastifyPluginAsync =>
  async (app) => {
    await app.register(projectRoutes(module));
  };
