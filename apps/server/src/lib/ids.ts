import crypto from 'node:crypto';

export const newId = (): string => crypto.randomUUID();

/** 256-bit random token, URL-safe. */
export const newToken = (): string => crypto.randomBytes(32).toString('base64url');

export const sha256 = (value: string | Buffer): string => crypto.createHash('sha256').update(value).digest('hex');
