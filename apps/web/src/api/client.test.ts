import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, configureClient, setCsrfToken } from './client';

type Call = { url: string; init: RequestInit };

function stubFetch(...responses: Response[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const next = responses.shift();
      if (!next) throw new Error('unexpected fetch');
      return next;
    }),
  );
  return calls;
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const headers = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

describe('api client', () => {
  const onUnauthenticated = vi.fn();

  beforeEach(() => {
    setCsrfToken(null);
    onUnauthenticated.mockReset();
    configureClient({ getLocale: () => 'en', onUnauthenticated, onEnrolmentRequired: () => undefined });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('remembers the CSRF token of a session answer and sends it on writes only', async () => {
    const calls = stubFetch(json({ user: {}, csrfToken: 'tok-1' }), json({ items: [] }), json({ id: 'u1' }, 201));
    await api.post('/api/auth/login', { username: 'a', password: 'b' });
    await api.get('/api/users', { q: '张', role: undefined, page: 2 });
    await api.post('/api/users', { username: 'x' });

    expect(headers(calls[0])['X-CSRF-Token']).toBeUndefined();
    expect(calls[1]?.url).toBe('/api/users?q=%E5%BC%A0&page=2');
    expect(headers(calls[1])['X-CSRF-Token']).toBeUndefined();
    expect(headers(calls[2])['X-CSRF-Token']).toBe('tok-1');
    expect(calls.every((c) => c.init.credentials === 'same-origin')).toBe(true);
    expect(headers(calls[1])['Accept-Language']).toBe('en');
  });

  it('turns a problem answer into an ApiError with its code, detail and field errors', async () => {
    const problem = {
      type: '/problems/validation',
      code: 'validation',
      title: 'Invalid input',
      status: 400,
      detail: 'Please check the highlighted fields.',
      errors: [{ field: 'username', message: 'Too short' }],
    };
    stubFetch(json(problem, 400, 'application/problem+json'));
    const error = await api.post('/api/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation');
    expect((error as ApiError).problem.errors).toEqual(problem.errors);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('reports an ended session and forgets its CSRF token', async () => {
    setCsrfToken('old');
    const calls = stubFetch(
      json(
        {
          code: 'unauthenticated',
          status: 401,
          title: 'Not signed in',
          detail: 'x',
          type: '/problems/unauthenticated',
        },
        401,
      ),
      new Response(null, { status: 204 }),
    );
    await expect(api.get('/api/users')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledOnce();
    await api.post('/api/auth/logout');
    expect(headers(calls[1])['X-CSRF-Token']).toBeUndefined();
  });

  it('answers 204 with undefined and survives a non-JSON error page', async () => {
    stubFetch(
      new Response(null, { status: 204 }),
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(api.delete('/api/departments/1')).resolves.toBeUndefined();
    const error = (await api.get('/api/health').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.code).toBe('internal');
  });
});
