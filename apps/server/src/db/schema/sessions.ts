/** `id` is the SHA-256 of the cookie token: a stolen database does not yield live cookies. */
export interface SessionsTable {
  id: string;
  userId: string;
  tenantId: string | null;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}
