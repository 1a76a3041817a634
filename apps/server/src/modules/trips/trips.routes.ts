import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { leadsPolicy, tripsPolicy } from '../leads/leads.policy.js';
import { ZLeadDetail } from '../leads/leads.schemas.js';
import { createTripMeeting, deleteTripMeeting, updateTripMeeting } from './trip-meetings.service.js';
import { createTripLead } from './trip-leads.service.js';
import {
  ZCreateTripLeadRequest,
  ZCreateTripMeetingRequest,
  ZCreateTripRequest,
  ZListTripsRequest,
  ZListTripsResponse,
  ZMemberOptionsResponse,
  ZTripDetail,
  ZTripIdParams,
  ZTripMeetingParams,
  ZUpdateTripMeetingRequest,
  ZUpdateTripRequest,
} from './trips.schemas.js';
import { contentDisposition, XLSX_TYPE } from '../../lib/content-disposition.js';
import { exportTrips, ZExportTripsRequest } from './trips.export.js';
import { createTrip, deleteTrip, findMemberOptions, findTrips, getTrip, updateTrip } from './trips.service.js';

export const tripsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['trips'];
  const params = ZTripIdParams;
  const meetingParams = ZTripMeetingParams;

  app.get(
    '/api/trips/export',
    {
      schema: {
        tags,
        summary: 'Download the filtered trips as xlsx (same filters and order as the list), audited',
        querystring: ZExportTripsRequest,
      },
      preHandler: app.authorize(tripsPolicy, 'list'),
      exposeHeadRoute: false,
    },
    async (req, reply) => {
      const file = await exportTrips(deps, req.ctx, req.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(file.filename, file.asciiFilename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
  app.get(
    '/api/trips',
    {
      schema: {
        tags,
        summary: 'List investigation trips',
        querystring: ZListTripsRequest,
        response: { 200: ZListTripsResponse },
      },
      preHandler: app.authorize(tripsPolicy, 'list'),
    },
    async (req) => findTrips(app.database.db, req.actor(), req.query),
  );
  app.get(
    '/api/trips/member-options',
    {
      schema: {
        tags,
        summary: 'Who may go on a trip: active admins, leaders and investment officers',
        response: { 200: ZMemberOptionsResponse },
      },
      preHandler: app.authorize(tripsPolicy, 'list'),
    },
    async (req) => findMemberOptions(app.database.db, req.actor()),
  );
  app.post(
    '/api/trips',
    {
      schema: { tags, summary: 'Plan a trip', body: ZCreateTripRequest, response: { 201: ZTripDetail } },
      preHandler: app.authorize(tripsPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createTrip(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/trips/:id',
    {
      schema: {
        tags,
        summary: 'A trip with its members, meetings and the leads it produced',
        params,
        response: { 200: ZTripDetail },
      },
      preHandler: app.authorize(tripsPolicy, 'read'),
    },
    async (req) => getTrip(app.database.db, req.actor(), req.params.id),
  );
  app.patch(
    '/api/trips/:id',
    {
      schema: {
        tags,
        summary: 'Change a trip (send the version you read)',
        params,
        body: ZUpdateTripRequest,
        response: { 200: ZTripDetail },
      },
      preHandler: app.authorize(tripsPolicy, 'update'),
    },
    async (req) => updateTrip(deps, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/trips/:id',
    {
      schema: { tags, summary: 'Delete a trip that produced no leads', params, response: { 204: z.null() } },
      preHandler: app.authorize(tripsPolicy, 'delete'),
    },
    async (req, reply) => {
      await deleteTrip(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/trips/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Record a meeting of the trip; answers the trip',
        params,
        body: ZCreateTripMeetingRequest,
        response: { 201: ZTripDetail },
      },
      preHandler: app.authorize(tripsPolicy, 'update'),
    },
    async (req, reply) => reply.status(201).send(await createTripMeeting(deps, req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/trips/:id/meetings/:meetingId',
    {
      schema: {
        tags,
        summary: "Change a meeting (send the trip's version); answers the trip",
        params: meetingParams,
        body: ZUpdateTripMeetingRequest,
        response: { 200: ZTripDetail },
      },
      preHandler: app.authorize(tripsPolicy, 'update'),
    },
    async (req) => updateTripMeeting(deps, req.ctx, req.params.id, req.params.meetingId, req.body),
  );
  app.delete(
    '/api/trips/:id/meetings/:meetingId',
    {
      schema: {
        tags,
        summary: 'Delete a meeting that produced no leads; answers the trip',
        params: meetingParams,
        response: { 200: ZTripDetail },
      },
      preHandler: app.authorize(tripsPolicy, 'update'),
    },
    async (req) => deleteTripMeeting(deps, req.ctx, req.params.id, req.params.meetingId),
  );
  app.post(
    '/api/trips/:id/meetings/:meetingId/lead',
    {
      schema: {
        tags,
        summary: 'A lead from a meeting, in one step (channel 考察对接 unless told)',
        params: meetingParams,
        body: ZCreateTripLeadRequest,
        response: { 201: ZLeadDetail },
      },
      preHandler: [app.authorize(tripsPolicy, 'update'), app.authorize(leadsPolicy, 'create')],
    },
    async (req, reply) =>
      reply.status(201).send(await createTripLead(deps, req.ctx, req.params.id, req.params.meetingId, req.body)),
  );
};
