import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import {
  buildTestApp,
  DB_KIND,
  login,
  multipart,
  type Client,
  type FilePart,
  type TestHarness,
} from '../../test/helper.js';
import { registerAttachmentOwner } from './attachments.registry.js';

/** A record type of this test: ids map to their tenant; admin and service read, only admin writes. */
const records = new Map<string, string>();
registerAttachmentOwner('test-record', {
  canRead: async (_db, actor, id) =>
    records.get(id) === actor.tenantId && (actor.role === 'admin' || actor.role === 'service'),
  canWrite: async (_db, actor, id) => records.get(id) === actor.tenantId && actor.role === 'admin',
});

/** A one-page PDF with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PDF = minimalPdf();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([
  Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000', 'hex'),
  Buffer.alloc(200),
]);

const upload = (client: Client, entityId: string, file: FilePart, entityType = 'test-record') =>
  client.inject({ method: 'POST', url: '/api/attachments', ...multipart({ entityType, entityId }, file) });

describe(`attachments (${DB_KIND})`, () => {
  let h: TestHarness;
  let a: TestTenant;
  let b: TestTenant;
  let adminA: Client;
  let serviceA: Client;
  let leaderA: Client;
  let adminB: Client;

  beforeAll(async () => {
    h = await buildTestApp();
    a = await createTenant(h.database, 'atta', h.clock.now());
    b = await createTenant(h.database, 'attb', h.clock.now());
    records.set('rec-a', a.id);
    records.set('rec-a2', a.id);
    records.set('rec-b', b.id);
    adminA = await login(h.app, a.users.admin.username);
    serviceA = await login(h.app, a.users.service.username);
    leaderA = await login(h.app, a.users.leader.username);
    adminB = await login(h.app, b.users.admin.username);
  });
  afterAll(async () => h.close());

  const audit = (action: string, entityId: string) =>
    h.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', action)
      .where('entityId', '=', entityId)
      .execute();
  const refusals = (entityId: string) =>
    h.database.db
      .selectFrom('auditEvents')
      .select(['action', 'entityType'])
      .where('outcome', '=', 'refused')
      .where('entityId', '=', entityId)
      .execute();
  const storedFile = async (id: string) => {
    const row = await h.database.db
      .selectFrom('attachments')
      .select('storagePath')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return path.join(h.config.dataDir, 'attachments', row.storagePath);
  };

  it('stores an uploaded PDF under the tenant and month, and serves it back byte for byte', async () => {
    const res = await upload(adminA, 'rec-a', { name: '入园协议 (草案).pdf', content: PDF, type: 'application/pdf' });
    expect(res.statusCode).toBe(201);
    const att = res.json();
    expect(att).toMatchObject({
      entityType: 'test-record',
      entityId: 'rec-a',
      filename: '入园协议 (草案).pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: crypto.createHash('sha256').update(PDF).digest('hex'),
      createdBy: a.users.admin.id,
    });
    expect(att).not.toHaveProperty('storagePath');

    const file = await storedFile(att.id);
    expect(file).toBe(path.join(h.config.dataDir, 'attachments', a.id, '2026', '03', att.id));
    expect(fs.readFileSync(file).equals(PDF)).toBe(true);

    const dl = await serviceA.get(`/api/attachments/${att.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="____ (__).pdf"; filename*=UTF-8''${encodeURIComponent('入园协议 ')}%28${encodeURIComponent('草案')}%29.pdf`,
    );
    expect(dl.headers['x-content-type-options']).toBe('nosniff');

    expect(await audit('create', att.id)).toHaveLength(1);
  });

  it('accepts a PNG and UTF-8 text, and lists the files of a record', async () => {
    const png = await upload(adminA, 'rec-a2', { name: 'site-plan.PNG', content: PNG, type: 'image/png' });
    expect(png.statusCode).toBe(201);
    expect(png.json().contentType).toBe('image/png');
    const csv = await upload(adminA, 'rec-a2', {
      name: '企业名单.csv',
      content: Buffer.from('名称,信用代码\n示例生物,91310115MA1K3BTP2B\n'),
      type: 'text/csv',
    });
    expect(csv.statusCode).toBe(201);
    expect(csv.json().contentType).toBe('text/csv; charset=utf-8');

    const dl = await adminA.get(`/api/attachments/${png.json().id}`);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect(dl.headers['content-type']).toBe('image/png');

    const list = await serviceA.get('/api/attachments?entityType=test-record&entityId=rec-a2');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(
      list
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([png.json().id, csv.json().id].sort());
    expect(
      (await serviceA.get('/api/attachments?entityType=test-record&entityId=rec-a2&pageSize=1')).json().items,
    ).toHaveLength(1);
  });

  it('refuses files whose bytes are not on the allow-list or do not match their name (415)', async () => {
    const cases: FilePart[] = [
      { name: 'setup.exe', content: EXE },
      { name: 'report.pdf', content: EXE, type: 'application/pdf' },
      { name: 'photo.pdf', content: PNG, type: 'application/pdf' },
      { name: 'notes.txt', content: Buffer.from([0x68, 0x69, 0x00, 0x0a]) },
      { name: 'latin1.csv', content: Buffer.from('caf\xe9,1\n', 'latin1') },
      { name: 'page.html', content: Buffer.from('<html><script>alert(1)</script></html>') },
    ];
    for (const file of cases) {
      const res = await upload(adminA, 'rec-a', file);
      expect(res.statusCode, file.name).toBe(415);
      expect(res.json()).toMatchObject({ code: 'unsupported-file-type' });
      expect(res.json().detail).toContain('PDF');
    }
    const listed = (await adminA.get('/api/attachments?entityType=test-record&entityId=rec-a')).json();
    expect(listed.items.map((i: { filename: string }) => i.filename)).toEqual(['入园协议 (草案).pdf']);
    expect(fs.readdirSync(path.join(h.config.dataDir, 'attachments', '.incoming'))).toEqual([]);
  });

  it('hides files from another tenant: 404 on download, list, upload and delete', async () => {
    const att = (await upload(adminA, 'rec-a', { name: 'a.pdf', content: PDF })).json();
    expect((await adminB.get(`/api/attachments/${att.id}`)).statusCode).toBe(404);
    expect((await adminB.get('/api/attachments?entityType=test-record&entityId=rec-a')).statusCode).toBe(404);
    expect((await upload(adminB, 'rec-a', { name: 'b.pdf', content: PDF })).statusCode).toBe(404);
    expect((await adminB.delete(`/api/attachments/${att.id}`)).statusCode).toBe(404);
    expect(fs.existsSync(await storedFile(att.id))).toBe(true);
    // Tenant B's own record works for tenant B.
    expect((await upload(adminB, 'rec-b', { name: 'b.pdf', content: PDF })).statusCode).toBe(201);
    expect((await refusals(att.id)).map((r) => r.action).sort()).toEqual(['delete', 'read']);
  });

  it("follows the owner's rule: a refused role gets 404 and the refusal is audited", async () => {
    const att = (await upload(adminA, 'rec-a', { name: 'rule.pdf', content: PDF })).json();
    // leader: neither reads nor writes.
    expect((await leaderA.get(`/api/attachments/${att.id}`)).statusCode).toBe(404);
    expect((await leaderA.get('/api/attachments?entityType=test-record&entityId=rec-a')).statusCode).toBe(404);
    // service: reads, may not write.
    expect((await serviceA.get(`/api/attachments/${att.id}`)).statusCode).toBe(200);
    expect((await upload(serviceA, 'rec-a', { name: 's.pdf', content: PDF })).statusCode).toBe(404);
    expect((await serviceA.delete(`/api/attachments/${att.id}`)).statusCode).toBe(404);
    // an unknown record type, or an unknown record, is not found either.
    expect((await upload(adminA, 'rec-a', { name: 'x.pdf', content: PDF }, 'no-such-type')).statusCode).toBe(404);
    expect((await adminA.get('/api/attachments?entityType=test-record&entityId=rec-missing')).statusCode).toBe(404);

    expect(await refusals(att.id)).toEqual(
      expect.arrayContaining([
        { action: 'read', entityType: 'attachment' },
        { action: 'delete', entityType: 'attachment' },
      ]),
    );
    expect((await refusals('rec-a')).map((r) => r.action)).toEqual(
      expect.arrayContaining(['attachment.list', 'attachment.create']),
    );
  });

  it('deletes the row and the file, and audits the deletion', async () => {
    const att = (await upload(adminA, 'rec-a', { name: 'gone.pdf', content: PDF })).json();
    const file = await storedFile(att.id);
    expect(fs.existsSync(file)).toBe(true);
    const res = await adminA.delete(`/api/attachments/${att.id}`);
    expect(res.statusCode).toBe(204);
    expect(fs.existsSync(file)).toBe(false);
    expect((await adminA.get(`/api/attachments/${att.id}`)).statusCode).toBe(404);
    const [event] = await audit('delete', att.id);
    expect(event).toMatchObject({ entityType: 'attachment', outcome: 'ok', actorUserId: a.users.admin.id });
    expect(JSON.parse(event!.before!)).toMatchObject({ filename: 'gone.pdf', entityId: 'rec-a' });
  });

  it('has one create event in the audit log for every stored attachment', async () => {
    const rows = await h.database.db.selectFrom('attachments').select('id').execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const { id } of rows) {
      expect(await audit('create', id), id).toEqual([
        expect.objectContaining({ entityType: 'attachment', outcome: 'ok' }),
      ]);
    }
  });

  it('rejects a request without the owner fields or without a file (400)', async () => {
    const noFields = await adminA.inject({
      method: 'POST',
      url: '/api/attachments',
      ...multipart({}, { name: 'a.pdf', content: PDF }),
    });
    expect(noFields.statusCode).toBe(400);
    const noFile = await adminA.inject({
      method: 'POST',
      url: '/api/attachments',
      ...multipart({ entityType: 'test-record', entityId: 'rec-a' }),
    });
    expect(noFile.statusCode).toBe(400);
    expect(
      (await adminA.inject({ method: 'POST', url: '/api/attachments', payload: { entityType: 'test-record' } }))
        .statusCode,
    ).toBe(400);
  });
});

describe(`attachment size limit (${DB_KIND})`, () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await buildTestApp({ maxUploadBytes: 1024 });
  });
  afterAll(async () => h.close());

  it('refuses a file over the limit with 413 and keeps nothing of it', async () => {
    const t = await createTenant(h.database, 'attsize', h.clock.now());
    records.set('rec-size', t.id);
    const admin = await login(h.app, t.users.admin.username);
    const big = Buffer.concat([PDF, Buffer.alloc(2048, 0x20)]);
    const res = await upload(admin, 'rec-size', { name: 'big.pdf', content: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload-too-large' });
    expect(res.json().detail).toContain('1 KB');
    expect(await h.database.db.selectFrom('attachments').selectAll().execute()).toEqual([]);
    expect(
      fs
        .readdirSync(path.join(h.config.dataDir, 'attachments'), { recursive: true })
        .filter((f) => !String(f).startsWith('.incoming')),
    ).toEqual([]);
    expect(fs.readdirSync(path.join(h.config.dataDir, 'attachments', '.incoming'))).toEqual([]);

    const small = await upload(admin, 'rec-size', { name: 'small.pdf', content: PDF });
    expect(small.statusCode).toBe(201);
  });
});
