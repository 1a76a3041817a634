export const iso = (d: Date): string => d.toISOString();
export const addMinutes = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);
