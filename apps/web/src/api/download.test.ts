import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, configureClient, dispositionFilename, download } from './client';

describe('file downloads', () => {
  const onUnauthenticated = vi.fn();
  beforeEach(() => {
    onUnauthenticated.mockReset();
    configureClient({ getLocale: () => 'en', onUnauthenticated, onEnrolmentRequired: () => undefined });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reads the Chinese name of filename* before the ASCII filename', () => {
    const header = `attachment; filename="enterprises-20260302.xlsx"; filename*=UTF-8''${encodeURIComponent('企业名录-20260302.xlsx')}`;
    expect(dispositionFilename(header)).toBe('企业名录-20260302.xlsx');
    expect(dispositionFilename('attachment; filename="a.csv"')).toBe('a.csv');
    expect(dispositionFilename("attachment; filename*=UTF-8''%E0%A4%A")).toBeNull();
    expect(dispositionFilename(null)).toBeNull();
  });

  it('gives the bytes, name and headers of a file, sent with the UI language', async () => {
    const fetch = vi.fn(
      async () =>
        new Response('\uFEFFa,b\r\n', {
          headers: { 'Content-Disposition': 'attachment; filename="x.csv"', 'x-kaimen-export-truncated': '10000' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const file = await download('/api/enterprises/export', { format: 'csv', park: 'X园', tag: undefined });
    expect(fetch).toHaveBeenCalledWith('/api/enterprises/export?format=csv&park=X%E5%9B%AD', {
      headers: { 'Accept-Language': 'en' },
      credentials: 'same-origin',
    });
    expect(file.filename).toBe('x.csv');
    // The bytes as sent, BOM included (Blob.text() would decode it away).
    expect([...new Uint8Array(await file.blob.arrayBuffer())].slice(0, 4)).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect(file.headers.get('x-kaimen-export-truncated')).toBe('10000');
  });

  it('turns a refusal into an ApiError and reports an ended session', async () => {
    const problem = (code: string, status: number) =>
      new Response(JSON.stringify({ type: `/problems/${code}`, code, status, title: code, detail: 'no' }), {
        status,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem('forbidden', 403)),
    );
    const refused = await download('/api/enterprises/export').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('forbidden');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem('unauthenticated', 401)),
    );
    await expect(download('/api/enterprises/export')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });
});
