import { ZBuildingInput, ZFloorInput, ZParcelInput, ZParkInput, ZUnitInput } from '@kaimen/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { leadsPolicy } from '../leads/leads.policy.js';
import { matchForLead, matchUnits, releaseUnit, reserveUnit, ZSpaceNeedQuery } from './property.matching.js';
import { z } from 'zod';
import {
  createBuilding,
  createFloor,
  createPark,
  createUnit,
  findBuildings,
  findParks,
  findUnits,
  getBuilding,
  getUnit,
  updateBuilding,
  updatePark,
  updateUnit,
} from './inventory.service.js';
import { deleteInventoryRecord, type InventoryKind } from './inventory.delete.js';
import { createParcel, findParcels, getParcel, updateParcel } from './parcels.service.js';
import { inventoryPolicy, parcelsPolicy } from './property.policy.js';
import {
  ZBuilding,
  ZBuildingDetail,
  ZDeleteRequest,
  ZFloor,
  ZListBuildingsRequest,
  ZListParcelsRequest,
  ZListParcelsResponse,
  ZListUnitsRequest,
  ZListUnitsResponse,
  ZMatchResponse,
  ZParcel,
  ZPark,
  ZPropertyIdParams,
  ZUnit,
  ZUpdateBuildingRequest,
  ZUpdateParcelRequest,
  ZUpdateParkRequest,
  ZUpdateUnitRequest,
} from './property.schemas.js';

/** The inventory (parks → buildings → floors → units) and the land parcels. */
export const propertyRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const db = app.database.db;
  const tags = ['property'];
  const params = ZPropertyIdParams;
  const read = app.authorize(inventoryPolicy, 'read');
  const write = app.authorize(inventoryPolicy, 'write');

  app.get(
    '/api/parks',
    {
      schema: { tags, summary: 'Parks', response: { 200: z.object({ items: z.array(ZPark) }) } },
      preHandler: read,
    },
    async (req) => findParks(db, req.ctx),
  );
  app.post(
    '/api/parks',
    { schema: { tags, summary: 'Add a park', body: ZParkInput, response: { 201: ZPark } }, preHandler: write },
    async (req, reply) => reply.status(201).send(await createPark(deps, req.ctx, req.body)),
  );
  app.patch(
    '/api/parks/:id',
    {
      schema: { tags, summary: 'Change a park', params, body: ZUpdateParkRequest, response: { 200: ZPark } },
      preHandler: write,
    },
    async (req) => updatePark(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/buildings',
    {
      schema: {
        tags,
        summary: 'Buildings, of one park or all',
        querystring: ZListBuildingsRequest,
        response: { 200: z.object({ items: z.array(ZBuilding) }) },
      },
      preHandler: read,
    },
    async (req) => findBuildings(db, req.ctx, req.query),
  );
  app.post(
    '/api/buildings',
    {
      schema: { tags, summary: 'Add a building', body: ZBuildingInput, response: { 201: ZBuilding } },
      preHandler: write,
    },
    async (req, reply) => reply.status(201).send(await createBuilding(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/buildings/:id',
    {
      schema: { tags, summary: 'A building with its floors and units', params, response: { 200: ZBuildingDetail } },
      preHandler: read,
    },
    async (req) => getBuilding(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/buildings/:id',
    {
      schema: {
        tags,
        summary: 'Change a building',
        params,
        body: ZUpdateBuildingRequest,
        response: { 200: ZBuilding },
      },
      preHandler: write,
    },
    async (req) => updateBuilding(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/floors',
    {
      schema: { tags, summary: 'Add a floor to a building', body: ZFloorInput, response: { 201: ZFloor } },
      preHandler: write,
    },
    async (req, reply) => reply.status(201).send(await createFloor(deps, req.ctx, req.body)),
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Units, filtered by type, status, area, building and biotech attributes',
        querystring: ZListUnitsRequest,
        response: { 200: ZListUnitsResponse },
      },
      preHandler: read,
    },
    async (req) => findUnits(db, req.ctx, req.query),
  );
  app.post(
    '/api/units',
    {
      schema: { tags, summary: 'Add a unit to a floor', body: ZUnitInput, response: { 201: ZUnit } },
      preHandler: write,
    },
    async (req, reply) => reply.status(201).send(await createUnit(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/units/matches',
    {
      schema: {
        tags,
        summary: 'Units that fit a space need (type, m² within a tolerance, requirements, free by a date), best first',
        querystring: ZSpaceNeedQuery,
        response: { 200: ZMatchResponse },
      },
      preHandler: read,
    },
    async (req) => matchUnits(db, req.ctx, req.query),
  );
  app.get(
    '/api/leads/:id/space-matches',
    {
      schema: {
        tags,
        summary: "Units that fit a lead's space need, best first, with why each fits",
        params,
        response: { 200: ZMatchResponse },
      },
      preHandler: app.authorize(leadsPolicy, 'read'),
    },
    async (req) => matchForLead(db, req.ctx, req.params.id),
  );
  app.put(
    '/api/units/:id/reservation',
    {
      schema: {
        tags,
        summary: 'Hold a unit for a lead (意向)',
        params,
        body: z.object({ leadId: z.string().min(1).max(100), note: z.string().max(500).nullish() }),
        response: { 200: ZUnit },
      },
      preHandler: app.authorize(inventoryPolicy, 'reserve'),
    },
    async (req) => reserveUnit(deps, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/units/:id/reservation',
    {
      schema: { tags, summary: 'Release the hold on a unit', params, response: { 200: ZUnit } },
      preHandler: app.authorize(inventoryPolicy, 'reserve'),
    },
    async (req) => releaseUnit(deps, req.ctx, req.params.id),
  );
  app.get(
    '/api/units/:id',
    { schema: { tags, summary: 'A unit', params, response: { 200: ZUnit } }, preHandler: read },
    async (req) => getUnit(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/units/:id',
    {
      schema: { tags, summary: 'Change a unit', params, body: ZUpdateUnitRequest, response: { 200: ZUnit } },
      preHandler: write,
    },
    async (req) => updateUnit(deps, req.ctx, req.params.id, req.body),
  );

  const readParcels = app.authorize(parcelsPolicy, 'read');
  const writeParcels = app.authorize(parcelsPolicy, 'write');
  app.get(
    '/api/parcels',
    {
      schema: {
        tags,
        summary: 'Land parcels',
        querystring: ZListParcelsRequest,
        response: { 200: ZListParcelsResponse },
      },
      preHandler: readParcels,
    },
    async (req) => findParcels(db, req.ctx, req.query),
  );
  app.post(
    '/api/parcels',
    {
      schema: { tags, summary: 'Add a land parcel', body: ZParcelInput, response: { 201: ZParcel } },
      preHandler: writeParcels,
    },
    async (req, reply) => reply.status(201).send(await createParcel(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/parcels/:id',
    { schema: { tags, summary: 'A land parcel', params, response: { 200: ZParcel } }, preHandler: readParcels },
    async (req) => getParcel(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/parcels/:id',
    {
      schema: { tags, summary: 'Change a land parcel', params, body: ZUpdateParcelRequest, response: { 200: ZParcel } },
      preHandler: writeParcels,
    },
    async (req) => updateParcel(deps, req.ctx, req.params.id, req.body),
  );

  // Deleting: at the version the user saw, refused while something still stands on the record.
  const deletes: [InventoryKind, string, string, typeof write][] = [
    ['park', '/api/parks/:id', 'Delete a park without buildings', write],
    ['building', '/api/buildings/:id', 'Delete a building without units (its floors go with it)', write],
    ['unit', '/api/units/:id', 'Delete a unit that was never leased nor is held', write],
    ['parcel', '/api/parcels/:id', 'Delete a land parcel', writeParcels],
  ];
  for (const [kind, url, summary, preHandler] of deletes) {
    app.delete(
      url,
      { schema: { tags, summary, params, querystring: ZDeleteRequest, response: { 204: z.null() } }, preHandler },
      async (req, reply) => {
        await deleteInventoryRecord(deps, req.ctx, kind, req.params.id, req.query.version);
        return reply.status(204).send(null);
      },
    );
  }
};
