import { ZLeadActivityInput, ZLeadInput, ZLeadMoveInput } from '@kaimen/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import './leads.attachments.js';
import { landLead } from './leads.landing.js';
import { approvalsPolicy, leadsPolicy } from './leads.policy.js';
import {
  ZActivity,
  ZApproval,
  ZApprovalRequest,
  ZBoardResponse,
  ZDecisionRequest,
  ZDuplicate,
  ZLandRequest,
  ZLeadDetail,
  ZLeadIdParams,
  ZListApprovalsRequest,
  ZListLeadsRequest,
  ZListLeadsResponse,
  ZPipelineSettings,
  ZTimelineEntry,
  ZUpdateLeadRequest,
  ZUpdatePipelineSettings,
} from './leads.schemas.js';
import {
  addActivity,
  createLead,
  deleteLead,
  findDuplicates,
  findLeads,
  getLead,
  leadBoard,
  leadTimeline,
  listActivities,
  updateLead,
} from './leads.service.js';
import { settingsPolicy } from '../settings/settings.policy.js';
import {
  decideApproval,
  getApproval,
  listApprovals,
  moveLead,
  pipelineSettings,
  requestApproval,
  updatePipelineSettings,
  withdrawApproval,
} from './leads.stages.js';

export const leadsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['pipeline'];
  const params = ZLeadIdParams;
  const db = app.database.db;

  app.get(
    '/api/leads',
    {
      schema: {
        tags,
        summary: 'List and filter leads',
        querystring: ZListLeadsRequest,
        response: { 200: ZListLeadsResponse },
      },
      preHandler: app.authorize(leadsPolicy, 'list'),
    },
    async (req) => findLeads(db, req.actor(), req.query),
  );
  app.get(
    '/api/leads/board',
    {
      schema: {
        tags,
        summary: 'Leads per stage column for the kanban board (same filters as the list)',
        querystring: ZListLeadsRequest,
        response: { 200: ZBoardResponse },
      },
      preHandler: app.authorize(leadsPolicy, 'list'),
    },
    async (req) => leadBoard(db, req.actor(), req.query),
  );
  app.get(
    '/api/leads/duplicates',
    {
      schema: {
        tags,
        summary: 'Leads and local companies that look like this company (same USCC or normalised name)',
        querystring: z.object({
          companyName: z.string().trim().max(200).default(''),
          uscc: z.string().trim().max(40).optional(),
          excludeId: z.string().max(100).optional(),
        }),
        response: { 200: z.object({ items: z.array(ZDuplicate) }) },
      },
      preHandler: app.authorize(leadsPolicy, 'create'),
    },
    async (req) => ({
      items: await findDuplicates(
        db,
        req.actor().tenantId!,
        { companyName: req.query.companyName, uscc: req.query.uscc?.toUpperCase() || null },
        req.query.excludeId,
      ),
    }),
  );
  app.post(
    '/api/leads',
    {
      schema: { tags, summary: 'Add a lead (at stage 线索)', body: ZLeadInput, response: { 201: ZLeadDetail } },
      preHandler: app.authorize(leadsPolicy, 'create'),
    },
    async (req, reply) => reply.status(201).send(await createLead(deps, req.ctx, req.body)),
  );
  app.get(
    '/api/leads/:id',
    {
      schema: {
        tags,
        summary: 'A lead with contacts, capital arrived and possible duplicates',
        params,
        response: { 200: ZLeadDetail },
      },
      preHandler: app.authorize(leadsPolicy, 'read'),
    },
    async (req) => getLead(db, req.actor(), req.params.id),
  );
  app.patch(
    '/api/leads/:id',
    {
      schema: {
        tags,
        summary: 'Change a lead (send the version you read); the stage changes only by a move',
        params,
        body: ZUpdateLeadRequest,
        response: { 200: ZLeadDetail },
      },
      preHandler: app.authorize(leadsPolicy, 'update'),
    },
    async (req) => updateLead(deps, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/leads/:id',
    {
      schema: { tags, summary: 'Delete a lead', params, response: { 204: z.null() } },
      preHandler: app.authorize(leadsPolicy, 'delete'),
    },
    async (req, reply) => {
      await deleteLead(deps, req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/leads/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a lead to another stage (lost needs a reason; past 签约 above the threshold needs an approval)',
        params,
        body: ZLeadMoveInput,
        response: { 200: ZLeadDetail },
      },
      preHandler: app.authorize(leadsPolicy, 'work'),
    },
    async (req) => moveLead(deps, req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/leads/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Stage moves, activities, approvals and files, newest first',
        params,
        response: { 200: z.object({ items: z.array(ZTimelineEntry) }) },
      },
      preHandler: app.authorize(leadsPolicy, 'read'),
    },
    async (req) => leadTimeline(db, req.actor(), req.params.id) as never,
  );
  app.get(
    '/api/leads/:id/activities',
    {
      schema: {
        tags,
        summary: 'Activities of a lead',
        params,
        response: { 200: z.object({ items: z.array(ZActivity) }) },
      },
      preHandler: app.authorize(leadsPolicy, 'read'),
    },
    async (req) => listActivities(db, req.actor(), req.params.id),
  );
  app.post(
    '/api/leads/:id/activities',
    {
      schema: {
        tags,
        summary: 'Log a call, meeting, site visit or e-mail (may set the next follow-up date)',
        params,
        body: ZLeadActivityInput,
        response: { 201: ZActivity },
      },
      preHandler: app.authorize(leadsPolicy, 'work'),
    },
    async (req, reply) => reply.status(201).send(await addActivity(deps, req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/leads/:id/land',
    {
      schema: {
        tags,
        summary: 'Link a registered lead to its local company, or create it (once, however often called)',
        params,
        body: ZLandRequest,
        response: { 200: z.object({ enterpriseId: z.string(), created: z.boolean(), already: z.boolean() }) },
      },
      preHandler: app.authorize(leadsPolicy, 'land'),
    },
    async (req) => landLead(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/leads/:id/approvals',
    {
      schema: {
        tags,
        summary: 'Ask a leader to approve a move past 签约 (the lead waits for the decision)',
        params,
        body: ZApprovalRequest,
        response: { 201: ZApproval },
      },
      preHandler: app.authorize(leadsPolicy, 'work'),
    },
    async (req, reply) => reply.status(201).send(await requestApproval(deps, req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/approvals',
    {
      schema: {
        tags,
        summary: 'Approval requests (leaders decide them)',
        querystring: ZListApprovalsRequest,
        response: {
          200: z.object({ items: z.array(ZApproval), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
      preHandler: app.authorize(approvalsPolicy, 'list'),
    },
    async (req) => listApprovals(db, req.actor(), req.query),
  );
  app.get(
    '/api/approvals/:id',
    {
      schema: { tags, summary: 'One approval request', params, response: { 200: ZApproval } },
      preHandler: app.authorize(approvalsPolicy, 'list'),
    },
    async (req) => getApproval(db, req.actor(), req.params.id),
  );
  app.post(
    '/api/approvals/:id/decide',
    {
      schema: {
        tags,
        summary: 'Approve (the lead moves at once) or reject',
        params,
        body: ZDecisionRequest,
        response: { 200: ZApproval },
      },
      preHandler: app.authorize(approvalsPolicy, 'decide'),
    },
    async (req) => decideApproval(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/approvals/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Take back a pending request (whoever asked, or an admin)',
        params,
        response: { 200: ZApproval },
      },
      preHandler: app.authorize(approvalsPolicy, 'withdraw'),
    },
    async (req) => withdrawApproval(deps, req.ctx, req.params.id),
  );

  app.get(
    '/api/settings/pipeline',
    {
      schema: { tags, summary: 'Approval threshold and follow-up rules', response: { 200: ZPipelineSettings } },
      preHandler: app.authorize(leadsPolicy, 'list'),
    },
    async (req) => pipelineSettings(db, req.actor().tenantId!),
  );
  app.put(
    '/api/settings/pipeline',
    {
      schema: {
        tags,
        summary: 'Change the approval threshold and follow-up rules',
        body: ZUpdatePipelineSettings,
        response: { 200: ZPipelineSettings },
      },
      preHandler: app.authorize(settingsPolicy, 'update'),
    },
    async (req) => updatePipelineSettings(deps, req.ctx, req.body),
  );
};
