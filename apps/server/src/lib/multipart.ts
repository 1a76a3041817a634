import type { MultipartFile } from '@fastify/multipart';

/** A text field sent before the file in a multipart upload (`undefined` when absent, repeated or a file). */
export function fieldText(part: MultipartFile, name: string): string | undefined {
  const f = part.fields[name];
  return f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : undefined;
}
