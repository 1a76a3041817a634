import { z } from 'zod';

/** Every GeoReport v2 argument is text; the service reads and checks the values, so its errors speak Open311. */
const text = (max: number) => z.string().max(max).optional();

export const ZOpen311TenantQuery = z.object({ jurisdiction_id: text(100) });

export const ZOpen311RequestsQuery = z.object({
  jurisdiction_id: text(100),
  /** Comma-separated references; overrides every other filter (as the specification says). */
  service_request_id: text(20_000),
  service_code: text(2_000),
  start_date: text(40),
  end_date: text(40),
  /** open, closed or both, comma-separated. */
  status: text(40),
});
export type TOpen311RequestsQuery = z.infer<typeof ZOpen311RequestsQuery>;

/** POST Service Request, form-encoded. Fields the specification has and Kaimen does not keep are read and ignored. */
export const ZOpen311PostBody = z.looseObject({
  api_key: text(200),
  jurisdiction_id: text(100),
  service_code: text(100),
  lat: text(40),
  long: text(40),
  address_string: text(500),
  address_id: text(200),
  email: text(200),
  device_id: text(200),
  account_id: text(200),
  first_name: text(100),
  last_name: text(100),
  phone: text(40),
  description: text(10_000),
  media_url: text(2_000),
  'attribute[enterprise_uscc]': text(40),
});
export type TOpen311PostBody = z.infer<typeof ZOpen311PostBody>;

export const ZOpen311FileParams = z.object({ file: z.string().max(300) });
