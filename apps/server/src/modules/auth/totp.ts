import * as OTPAuth from 'otpauth';

const PERIOD = 30;

function totpFor(secret: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: 'Kaimen 开门',
    label,
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: PERIOD,
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/** The code's time-step counter when valid (±1 step of drift), else null. Callers reject replays by counter. */
export function verifyTotp(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret, 'x').validate({ token: code.replace(/\s/g, ''), timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** For tests and the seed: the current code. */
export function totpCode(secret: string, now: Date): string {
  return totpFor(secret, 'x').generate({ timestamp: now.getTime() });
}
