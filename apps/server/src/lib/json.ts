export const toJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
