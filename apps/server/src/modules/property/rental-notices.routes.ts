import { ZRentalNoticeInput, ZRentalNoticeWithdrawInput } from '@kaimen/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rentalNoticesPolicy } from './property.policy.js';
import { ZPropertyIdParams } from './property.schemas.js';
import './rental-notices.attachments.js';
import {
  ZListRentalNoticesRequest,
  ZListRentalNoticesResponse,
  ZPublishedFeedRequest,
  ZPublishedFeedResponse,
  ZRentalNotice,
  ZRentalNoticeVersion,
  ZUpdateRentalNoticeRequest,
} from './rental-notices.schemas.js';
import {
  createRentalNotice,
  deleteRentalNotice,
  findPublishedRentalNotices,
  findRentalNotices,
  getRentalNotice,
  publishRentalNotice,
  updateRentalNotice,
  withdrawRentalNotice,
} from './rental-notices.service.js';

/** Rental notices (招租公告) over vacant units: drafts, publishing, withdrawal, and the feed the portal renders. */
export const rentalNoticesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const db = app.database.db;
  const tags = ['property'];
  const params = ZPropertyIdParams;
  const read = app.authorize(rentalNoticesPolicy, 'read');
  const write = app.authorize(rentalNoticesPolicy, 'write');

  app.get(
    '/api/rental-notices',
    {
      schema: {
        tags,
        summary: 'Rental notices, newest first, with their units as they are today',
        querystring: ZListRentalNoticesRequest,
        response: { 200: ZListRentalNoticesResponse },
      },
      preHandler: read,
    },
    async (req) => findRentalNotices(db, req.ctx, req.query),
  );
  app.get(
    '/api/rental-notices/published',
    {
      schema: {
        tags,
        summary: 'What the public portal shows: published notices whose units are all still free, with photo ids',
        querystring: ZPublishedFeedRequest,
        response: { 200: ZPublishedFeedResponse },
      },
      preHandler: read,
    },
    async (req) => findPublishedRentalNotices(db, req.ctx, req.query),
  );
  app.post(
    '/api/rental-notices',
    {
      schema: {
        tags,
        summary: 'A draft notice over vacant units (refused, naming them, when a unit is leased or reserved)',
        body: ZRentalNoticeInput,
        response: { 201: ZRentalNotice },
      },
      preHandler: write,
    },
    async (req, reply) => reply.status(201).send(await createRentalNotice(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/rental-notices/:id',
    {
      schema: {
        tags,
        summary: 'A rental notice with its units and photo ids',
        params,
        response: { 200: ZRentalNotice },
      },
      preHandler: read,
    },
    async (req) => getRentalNotice(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/rental-notices/:id',
    {
      schema: {
        tags,
        summary: 'Change the text of a draft or published notice (send the version you read)',
        params,
        body: ZUpdateRentalNoticeRequest,
        response: { 200: ZRentalNotice },
      },
      preHandler: write,
    },
    async (req) => updateRentalNotice(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/rental-notices/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft (refused when a unit has been leased or reserved since)',
        params,
        body: ZRentalNoticeVersion,
        response: { 200: ZRentalNotice },
      },
      preHandler: write,
    },
    async (req) => publishRentalNotice(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/rental-notices/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a published notice, with the reason',
        params,
        body: ZRentalNoticeWithdrawInput,
        response: { 200: ZRentalNotice },
      },
      preHandler: write,
    },
    async (req) => withdrawRentalNotice(deps, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/rental-notices/:id',
    {
      schema: { tags, summary: 'Delete a draft and its photos', params, response: { 204: z.null() } },
      preHandler: write,
    },
    async (req, reply) => {
      await deleteRentalNotice(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
