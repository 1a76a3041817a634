import type { Locale } from '@kaimen/shared';

/** The user's setting wins; otherwise the first supported language in Accept-Language; zh-CN by default. */
export function pickLocale(userLocale: string | null | undefined, acceptLanguage: string | undefined): Locale {
  if (userLocale === 'en' || userLocale === 'zh-CN') return userLocale;
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
