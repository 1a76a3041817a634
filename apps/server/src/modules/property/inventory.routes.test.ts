import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/factories.js';
import { buildTestApp, DB_KIND, login, type Client, type TestHarness } from '../../test/helper.js';

/**
 * The inventory and the parcels (issue 6): the property manager keeps parks → buildings → floors → units with their
 * biotech attributes and the land parcels with their outlines; the others read what their role needs.
 */
describe(`property inventory (${DB_KIND})`, () => {
  let h: TestHarness;
  let t: TestTenant;
  let other: TestTenant;
  let pm: Client;
  let building: { id: string; version: number; parkId: string };
  let floor: { id: string };
  const outline = {
    type: 'Polygon',
    coordinates: [
      [
        [120.7, 31.3],
        [120.71, 31.3],
        [120.71, 31.31],
        [120.7, 31.3],
      ],
    ],
  };

  beforeAll(async () => {
    h = await buildTestApp();
    t = await createTenant(h.database, 'iv', h.clock.now());
    other = await createTenant(h.database, 'io', h.clock.now());
    pm = await login(h.app, t.users.property.username);
  });
  afterAll(async () => h?.close());

  it('lets the property manager build parks, buildings, floors and units', async () => {
    let res = await pm.post('/api/parks', { name: '生物医药产业园', address: '星湖街 218 号' });
    expect(res.statusCode, res.body).toBe(201);
    const park = res.json();
    res = await pm.patch(`/api/parks/${park.id}`, { version: 1, notes: '一期' });
    expect(res.json()).toMatchObject({ notes: '一期', version: 2 });

    res = await pm.post('/api/buildings', { parkId: park.id, name: 'B 栋', floorCount: 6, outline });
    expect(res.statusCode, res.body).toBe(201);
    building = res.json();
    expect(res.json().outline).toEqual(outline);
    res = await pm.post('/api/floors', { buildingId: building.id, number: 2, label: '2F' });
    expect(res.statusCode, res.body).toBe(201);
    floor = res.json();

    const unit = (code: string, o: Record<string, unknown>) =>
      pm.post('/api/units', { floorId: floor.id, code, area: 200, type: 'office', ...o });
    res = await unit('B201', {
      type: 'gmp',
      area: 1200,
      monthlyRentPerSqm: 45,
      floorLoadKn: 8,
      labWater: true,
      exhaust: true,
      cleanRoomGrade: 'C',
      gmpReady: true,
      envPermit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'B201',
      building: { id: building.id, name: 'B 栋', parkId: park.id },
      floor: { id: floor.id, number: 2, label: '2F' },
      status: 'vacant',
      setStatus: 'vacant',
      gmpReady: true,
      cleanRoomGrade: 'C',
    });
    expect((await unit('B202', { type: 'lab', area: 400, labWater: true, floorLoadKn: 5 })).statusCode).toBe(201);
    expect((await unit('B203', { status: 'fitting_out' })).statusCode).toBe(201);
    // Codes are unique in a building; 已租 is never set by hand.
    expect((await unit('B203', {})).statusCode).toBe(409);
    expect((await unit('B204', { status: 'leased' })).statusCode).toBe(400);

    const detail = (await pm.get(`/api/buildings/${building.id}`)).json();
    expect(detail.floors.map((f: { number: number }) => f.number)).toEqual([2]);
    expect(detail.units.map((u: { code: string }) => u.code)).toEqual(['B201', 'B202', 'B203']);
  });

  it('filters units by type, area, status and biotech attributes', async () => {
    const codes = async (q: string) =>
      (await pm.get(`/api/units?${q}`)).json().items.map((u: { code: string }) => u.code) as string[];
    expect(await codes('labWater=true&sort=-area')).toEqual(['B201', 'B202']);
    expect(await codes('minArea=300&maxArea=500')).toEqual(['B202']);
    expect(await codes('type=gmp&gmpReady=1&envPermit=true&minFloorLoadKn=6')).toEqual(['B201']);
    expect(await codes('status=fitting_out')).toEqual(['B203']);
    expect(await codes(`buildingId=${building.id}&exhaust=false`)).toEqual(['B202', 'B203']);
    const page = (await pm.get('/api/units?pageSize=2&page=2')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
  });

  it('changes a unit with its version and refuses a stale one', async () => {
    const u = (await pm.get('/api/units?q=B202')).json().items[0];
    let res = await pm.patch(`/api/units/${u.id}`, { version: u.version, status: 'reserved', exhaust: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reserved', exhaust: true, labWater: true, version: 2 });
    res = await pm.patch(`/api/units/${u.id}`, { version: u.version, area: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale-version');
    res = await pm.patch(`/api/buildings/${building.id}`, { version: building.version, outline: null });
    expect(res.json()).toMatchObject({ outline: null, version: 2 });
  });

  it('refuses an outline that is not a closed Polygon or MultiPolygon of numbers', async () => {
    const park = (await pm.get('/api/parks')).json().items[0];
    for (const bad of [
      { type: 'Point', coordinates: [120.7, 31.3] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [120.7, 31.3],
            [120.71, 31.3],
            [120.71, 31.31],
            [120.72, 31.3],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            ['a', 31.3],
            [120.71, 31.3],
            [120.71, 31.31],
            ['a', 31.3],
          ],
        ],
      },
    ]) {
      const res = await pm.post('/api/buildings', { parkId: park.id, name: 'C 栋', floorCount: 3, outline: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const res = await pm.post('/api/parcels', {
      code: 'DK-2026-01',
      name: '北区地块',
      area: 52_000,
      zoning: 'M1 一类工业用地',
      status: 'idle',
      owner: '园区管委会',
      outline: { type: 'MultiPolygon', coordinates: [outline.coordinates] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().outline.type).toBe('MultiPolygon');
  });

  it('keeps parcels: the manager edits, investment and leaders read, service officers do not', async () => {
    const p = (await pm.get('/api/parcels?status=idle')).json().items[0];
    let res = await pm.patch(`/api/parcels/${p.id}`, { version: p.version, status: 'planned' });
    expect(res.json()).toMatchObject({ status: 'planned', version: 2 });
    const investment = await login(h.app, t.users.investment.username);
    expect((await investment.get(`/api/parcels/${p.id}`)).json().status).toBe('planned');
    expect((await investment.get('/api/units')).statusCode).toBe(200);
    res = await investment.patch(`/api/parcels/${p.id}`, { version: 2, status: 'idle' });
    expect(res.statusCode).toBe(403);
    expect((await investment.post('/api/parks', { name: '二期' })).statusCode).toBe(403);
    const service = await login(h.app, t.users.service.username);
    expect((await service.get('/api/units')).statusCode).toBe(200);
    expect((await service.get('/api/parcels')).statusCode).toBe(403);
    const dept = await login(h.app, t.users.department.username);
    expect((await dept.get('/api/buildings')).statusCode).toBe(403);
  });

  it('gives a building page every unit of the building, beyond the list page size of 200', async () => {
    const b = (await pm.post('/api/buildings', { parkId: building.parkId, name: '大楼', floorCount: 30 })).json();
    for (let f = 1; f <= 21; f++) {
      const fl = (await pm.post('/api/floors', { buildingId: b.id, number: f })).json();
      for (let u = 1; u <= 10; u++) {
        const res = await pm.post('/api/units', { floorId: fl.id, code: `${f}-${u}`, area: 100, type: 'office' });
        expect(res.statusCode, res.body).toBe(201);
      }
    }
    const detail = (await pm.get(`/api/buildings/${b.id}`)).json();
    expect(detail.units).toHaveLength(210);
    expect(detail.floors).toHaveLength(21);
  });

  it('shows another office none of it', async () => {
    const pmOther = await login(h.app, other.users.property.username);
    expect((await pmOther.get('/api/parks')).json().items).toEqual([]);
    expect((await pmOther.get('/api/units')).json().total).toBe(0);
    expect((await pmOther.get('/api/parcels')).json().total).toBe(0);
    expect((await pmOther.get(`/api/buildings/${building.id}`)).statusCode).toBe(404);
    expect((await pmOther.patch(`/api/buildings/${building.id}`, { version: 2, name: 'X' })).statusCode).toBe(404);
    const res = await pmOther.post('/api/units', { floorId: floor.id, code: 'X1', type: 'office', area: 10 });
    expect(res.statusCode).toBe(400);
  });
});
