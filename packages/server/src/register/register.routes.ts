import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf, requireAuth } from "../platform/http/request-context";
import { errorResponses } from "../platform/http/schemas";
import type { RegisterModule } from "./register.module";
import {
  ZAddressSearchQuery,
  ZBuildingCode,
  ZBuildingTableResponse,
  ZConsistencyProof,
  ZConsistencyQuery,
  ZEncumbrance,
  ZFeatureCollection,
  ZHistoryResponse,
  ZHolderSearchRequest,
  ZHoldingsResponse,
  ZInclusionProof,
  ZInclusionQuery,
  ZMapQuery,
  ZNewBuildingRequest,
  ZNewParcelRequest,
  ZNewUnitsRequest,
  ZParcelCode,
  ZParcelResponse,
  ZSignedHead,
  ZUnitCode,
  ZUnitResponse,
} from "./register.schemas";

/** The register's HTTP API: thin routes over the register module's services. */
export const registerRoutes =
  (module: RegisterModule): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["register 登记簿"];
    const ledgerTags = ["ledger 登记簿存证"];
    const { reads, ledger, cadastre } = module;

    app.get(
      "/api/register/units/:code",
      {
        schema: {
          tags,
          summary:
            "不动产单元：自然状况、权利、限制 Unit with rights and restrictions (as the caller may see)",
          params: z.object({ code: ZUnitCode }),
          querystring: z.object({ purpose: z.string().max(200).optional() }),
          response: { 200: ZUnitResponse, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return reads.readUnit(contextOf(request), request.params.code, request.query.purpose ?? null);
      },
    );

    app.get(
      "/api/register/units/by-certificate",
      {
        schema: {
          tags,
          summary:
            "按证书号查单元 The unit a certificate or certification number was issued for, and whether it is current",
          querystring: z.object({ number: z.string().min(1).max(60) }),
          response: {
            200: z.object({
              number: z.string(),
              unitCode: z.string(),
              kind: z.string(),
              status: z.string(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return reads.findUnitByCertificate(contextOf(request), request.query.number);
      },
    );

    app.get(
      "/api/register/restrictions/held",
      {
        schema: {
          tags,
          summary:
            "抵押物/查封清单 The restrictions the caller holds (a bank's mortgages, a court's seizures), with what else weighs on each unit",
          querystring: z.object({
            kind: z
              .enum(["mortgage", "advance-notice", "seizure", "objection", "habitation", "easement"])
              .optional(),
            live: z.enum(["true", "false"]).default("true"),
            limit: z.coerce.number().int().min(1).max(500).default(200),
          }),
          response: {
            200: z.object({
              restrictions: z.array(
                z.object({
                  unitCode: z.string(),
                  address: z.string(),
                  restriction: ZEncumbrance,
                  alsoOnUnit: z.object({
                    seized: z.boolean(),
                    waitingSeizures: z.number(),
                    objection: z.boolean(),
                    advanceNotice: z.boolean(),
                    otherMortgages: z.number(),
                  }),
                  transferredSince: z.boolean(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        const { kind, live, limit } = request.query;
        return reads.listHeldRestrictions(contextOf(request), {
          ...(kind ? { kind } : {}),
          live: live === "true",
          limit,
        });
      },
    );

    app.get(
      "/api/register/units/:code/history",
      {
        schema: {
          tags,
          summary: "单元历史（时间线）Unit history: its life from land supply to now",
          params: z.object({ code: ZUnitCode }),
          querystring: z.object({ purpose: z.string().max(200).optional() }),
          response: { 200: ZHistoryResponse, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return reads.readHistory(contextOf(request), request.params.code, request.query.purpose ?? null);
      },
    );

    app.get(
      "/api/register/parcels/:code",
      {
        schema: {
          tags,
          summary: "宗地及其全部单元 Parcel with its buildings and units",
          params: z.object({ code: ZParcelCode }),
          response: { 200: ZParcelResponse, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return reads.readParcel(contextOf(request), request.params.code);
      },
    );

    app.get(
      "/api/register/buildings/:code/table",
      {
        schema: {
          tags,
          summary: "楼盘表 Building table: units by floor with their state",
          params: z.object({ code: ZBuildingCode }),
          response: { 200: ZBuildingTableResponse, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return reads.readBuildingTable(contextOf(request), request.params.code);
      },
    );

    app.get(
      "/api/register/search",
      {
        schema: {
          tags,
          summary: "按坐落查询 Search units by address",
          querystring: ZAddressSearchQuery,
          response: { 200: z.object({ units: z.array(ZUnitResponse.shape.unit) }), ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return reads.searchByAddress(contextOf(request), request.query.address, request.query.limit);
      },
    );

    app.post(
      "/api/register/search/holder",
      {
        schema: {
          tags,
          summary: "按权利人查询（留痕）Search by holder's ID number or credit code (audited)",
          body: ZHolderSearchRequest,
          response: { 200: ZHoldingsResponse, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return reads.searchByHolder(contextOf(request), request.body);
      },
    );

    app.get(
      "/api/register/map",
      {
        schema: {
          tags,
          summary: "地图：范围内的宗地 GeoJSON Parcels in a bounding box",
          querystring: ZMapQuery,
          response: { 200: ZFeatureCollection, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        const [minX, minY, maxX, maxY] = request.query.bbox.split(",").map(Number) as [
          number,
          number,
          number,
          number,
        ];
        return reads.parcelsInBox(contextOf(request), { minX, minY, maxX, maxY }, request.query.limit);
      },
    );

    app.post(
      "/api/register/parcels",
      {
        schema: {
          tags,
          summary: "宗地入库（系统赋码）Record a surveyed parcel; the system assigns its code",
          body: ZNewParcelRequest,
          response: {
            201: z.object({ parcelCode: z.string(), landUnitCode: z.string(), seq: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const { jurisdiction, zone, subzone, ownership, useRight, ...facts } = request.body;
        const created = await cadastre.createParcel(contextOf(request), {
          jurisdiction,
          zone,
          subzone,
          ownership,
          useRight,
          facts,
        });
        return reply.status(201).send(created);
      },
    );

    app.post(
      "/api/register/parcels/:code/buildings",
      {
        schema: {
          tags,
          summary: "幢入库（系统赋幢号）Record a building on a parcel",
          params: z.object({ code: ZParcelCode }),
          body: ZNewBuildingRequest,
          response: {
            201: z.object({ buildingCode: z.string(), buildingNo: z.string(), seq: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        return reply
          .status(201)
          .send(await cadastre.createBuilding(contextOf(request), request.params.code, request.body));
      },
    );

    app.post(
      "/api/register/buildings/:code/units",
      {
        schema: {
          tags,
          summary: "户入库（系统赋户号）Record house units of a building",
          params: z.object({ code: ZBuildingCode }),
          body: ZNewUnitsRequest,
          response: {
            201: z.object({ units: z.array(z.object({ unitCode: z.string(), seq: z.number() })) }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireAuth(request);
        const code = request.params.code;
        const units = await cadastre.createUnits(
          contextOf(request),
          code.slice(0, 19),
          code.slice(20),
          request.body.units,
        );
        return reply.status(201).send({ units });
      },
    );

    // The ledger's evidence is public: hashes and signatures disclose nothing about holders.
    app.get(
      "/api/register/ledger/head",
      {
        schema: {
          tags: ledgerTags,
          summary: "最新签名树根 Latest signed tree head",
          security: [],
          response: { 200: ZSignedHead, ...errorResponses },
        },
      },
      async () => ledger.latestHead(),
    );

    app.get(
      "/api/register/ledger/heads",
      {
        schema: {
          tags: ledgerTags,
          summary: "签名树根列表 Recent signed tree heads",
          security: [],
          response: { 200: z.object({ heads: z.array(ZSignedHead) }), ...errorResponses },
        },
      },
      async () => ({ heads: await ledger.recentHeads() }),
    );

    app.post(
      "/api/register/ledger/heads",
      {
        schema: {
          tags: ledgerTags,
          summary: "立即签署树根 Sign a tree head now",
          response: { 200: ZSignedHead, ...errorResponses },
        },
      },
      async (request) => {
        requireAuth(request);
        return ledger.signHead(contextOf(request));
      },
    );

    app.get(
      "/api/register/ledger/proofs/inclusion",
      {
        schema: {
          tags: ledgerTags,
          summary: "条目包含证明 Inclusion proof of an entry against a signed head",
          security: [],
          querystring: ZInclusionQuery,
          response: { 200: ZInclusionProof, ...errorResponses },
        },
      },
      async (request) => ledger.inclusionProof(request.query.seq, request.query.treeSize),
    );

    app.get(
      "/api/register/ledger/proofs/consistency",
      {
        schema: {
          tags: ledgerTags,
          summary: "一致性证明 Consistency proof between two signed heads",
          security: [],
          querystring: ZConsistencyQuery,
          response: { 200: ZConsistencyProof, ...errorResponses },
        },
      },
      async (request) => ledger.consistencyProof(request.query.from, request.query.to),
    );

    app.get(
      "/api/register/ledger/seal-key",
      {
        schema: {
          tags: ledgerTags,
          summary: "登记簿印章公钥 The register's seal public key (SM2)",
          security: [],
          response: { 200: z.object({ publicKey: z.string(), pem: z.string() }) },
        },
      },
      async () => ledger.sealKey(),
    );

    app.get(
      "/api/register/ledger/entries/:seq",
      {
        schema: {
          tags: ledgerTags,
          summary: "登记簿条目内容 An entry's content (staff of its jurisdiction)",
          params: z.object({ seq: z.coerce.number().int().min(1) }),
          response: {
            200: z.object({
              seq: z.number(),
              jurisdiction: z.string(),
              parcel: z.string(),
              unit: z.string().nullable(),
              at: z.string(),
              body: z.record(z.string(), z.unknown()),
              prevHash: z.string(),
              hash: z.string(),
              /** Position in the log; null while the entry waits for the sequencer (hashes are then ""). */
              logIndex: z.number().nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireAuth(request);
        return ledger.readEntry(contextOf(request), request.params.seq);
      },
    );
  };
