/** RFC 8187 encoding for `filename*`: percent-encode all but attr-chars. */
export const rfc8187 = (name: string): string =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with the real (often Chinese) name as `filename*`, and an ASCII `filename` before it for clients that
 * cannot read that (RFC 6266 §4.3); without `ascii`, the name with everything outside printable ASCII replaced.
 */
export const contentDisposition = (filename: string, ascii = filename): string =>
  `attachment; filename="${ascii.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${rfc8187(filename)}`;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `20260302`: the office's date (China time) in a downloaded file's name. */
export const officeDayStamp = (now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now).replace(/-/g, '');
