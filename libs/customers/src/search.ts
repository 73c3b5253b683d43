/**
 * How a free-text customer search is run. Trigram indexes serve 3+ characters; Chinese names are often
 * two characters ("张伟"), which trigrams cannot serve, so two-character terms go to a bigram index over
 * name and organisation; a single character is a surname prefix. Three to six digits are the end of a
 * phone number (how people ask for one: "the customer ending 8000"), served by an index on reversed phones.
 */
export type SearchPlan =
  | { kind: 'none' }
  | { kind: 'trigram'; like: string }
  | { kind: 'bigram'; bigram: string; like: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phone_suffix'; reversedPrefix: string };

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

export function planSearch(q: string | undefined): SearchPlan {
  const text = (q ?? '').normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text) return { kind: 'none' };
  // A phone typed with spaces or dashes is searched by its digits.
  const term = /^[+\d][\d\s-]*$/.test(text) ? text.replace(/[\s-]/g, '') : text;
  if (/^\d{3,6}$/.test(term)) return { kind: 'phone_suffix', reversedPrefix: [...term].reverse().join('') + '%' };
  const chars = [...term];
  if (chars.length === 1) return { kind: 'prefix', prefix: escapeLike(term) + '%' };
  const like = '%' + escapeLike(term) + '%';
  if (chars.length === 2) return { kind: 'bigram', bigram: term, like };
  return { kind: 'trigram', like };
}
