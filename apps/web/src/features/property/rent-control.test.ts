import { describe, expect, it } from 'vitest';
import type { Floor, Unit } from './property-types';
import { rentControl } from './rent-control';

const stamps = { createdAt: '', updatedAt: '', version: 1 };
const floor = (id: string, number: number): Floor => ({ id, buildingId: 'b', number, label: null, ...stamps });
const unit = (code: string, floorId: string, status: string, area: number): Unit => ({
  id: code,
  building: { id: 'b', name: 'A', parkId: 'p' },
  floor: { id: floorId, number: 0, label: null },
  code,
  type: 'lab',
  area,
  status,
  setStatus: status === 'leased' ? 'vacant' : status,
  monthlyRentPerSqm: null,
  floorLoadKn: null,
  labWater: false,
  exhaust: false,
  cleanRoomGrade: null,
  gmpReady: false,
  envPermit: false,
  notes: null,
  ...stamps,
});

describe('rentControl', () => {
  it('puts the top floor first and orders each floor’s units by code, numbers as numbers', () => {
    const table = rentControl(
      [floor('f1', 1), floor('f3', 3), floor('f2', 2)],
      [unit('110', 'f1', 'vacant', 10), unit('102', 'f1', 'leased', 10), unit('301', 'f3', 'reserved', 10)],
    );
    expect(table.rows.map((r) => r.floor.number)).toEqual([3, 2, 1]);
    expect(table.rows[2]!.units.map((u) => u.code)).toEqual(['102', '110']);
    expect(table.rows[1]!.units).toEqual([]);
  });

  it('counts units by status and measures vacancy by area', () => {
    const table = rentControl(
      [floor('f1', 1)],
      [
        unit('101', 'f1', 'vacant', 100),
        unit('102', 'f1', 'leased', 300),
        unit('103', 'f1', 'vacant', 100),
        unit('104', 'f1', 'self_used', 500),
      ],
    );
    expect(table.counts).toEqual({ vacant: 2, reserved: 0, fitting_out: 0, leased: 1, self_used: 1 });
    expect(table.vacantArea).toBe(200);
    expect(table.vacancyRate).toBeCloseTo(0.2);
  });

  it('has no vacancy rate without units', () => {
    expect(rentControl([floor('f1', 1)], []).vacancyRate).toBeNull();
  });
});
