import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { ZId, ZListQuery, ZVersion, listResponse } from './common.js';

describe('ZListQuery', () => {
  it('defaults page and pageSize', () => {
    expect(ZListQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
  });
  it('coerces query-string numbers', () => {
    expect(ZListQuery.parse({ q: ' 生物 ', page: '3', pageSize: '200', sort: '-createdAt' })).toEqual({
      q: '生物',
      page: 3,
      pageSize: 200,
      sort: '-createdAt',
    });
  });
  it.each([
    { page: '0' },
    { page: '1.5' },
    { page: 'x' },
    { pageSize: '0' },
    { pageSize: '201' },
    { q: 'x'.repeat(201) },
    { sort: 'created_at' },
    { sort: '--name' },
    { sort: '' },
  ])('rejects %j', (query) => {
    expect(ZListQuery.safeParse(query).success).toBe(false);
  });
});

describe('listResponse', () => {
  const ZItems = listResponse(z.object({ id: ZId, name: z.string() }));
  it('checks the items and the paging fields', () => {
    const ok = { items: [{ id: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e', name: 'A' }], total: 1, page: 1, pageSize: 20 };
    expect(ZItems.parse(ok)).toEqual(ok);
    expect(ZItems.safeParse({ ...ok, items: [{ id: 'x', name: 'A' }] }).success).toBe(false);
    expect(ZItems.safeParse({ ...ok, total: 1.5 }).success).toBe(false);
    expect(ZItems.safeParse({ items: [], total: 0, page: 1 }).success).toBe(false);
  });
});

describe('ZId and ZVersion', () => {
  it('accept a uuid and a positive integer', () => {
    expect(ZId.safeParse(crypto.randomUUID()).success).toBe(true);
    expect(ZId.safeParse('not-a-uuid').success).toBe(false);
    expect(ZVersion.safeParse(1).success).toBe(true);
    expect(ZVersion.safeParse(0).success).toBe(false);
    expect(ZVersion.safeParse(1.5).success).toBe(false);
    expect(ZVersion.safeParse('1').success).toBe(false);
  });
});
