import { escapeLike, planSearch } from '../search';

describe('planSearch', () => {
  it.each([undefined, '', '   '])('does not search for %p', (q) => {
    expect(planSearch(q)).toEqual({ kind: 'none' });
  });

  it('treats one character as a name prefix (a surname)', () => {
    expect(planSearch('张')).toEqual({ kind: 'prefix', prefix: '张%' });
    expect(planSearch(' W ')).toEqual({ kind: 'prefix', prefix: 'w%' });
  });

  it('sends two characters, typical of Chinese names, to the bigram index', () => {
    expect(planSearch('张伟')).toEqual({ kind: 'bigram', bigram: '张伟', like: '%张伟%' });
    expect(planSearch('Li')).toEqual({ kind: 'bigram', bigram: 'li', like: '%li%' });
  });

  it('sends three or more characters to the trigram index, lower-cased', () => {
    expect(planSearch('欧阳娜')).toEqual({ kind: 'trigram', like: '%欧阳娜%' });
    expect(planSearch('Zhang.Wei@EXAMPLE')).toEqual({ kind: 'trigram', like: '%zhang.wei@example%' });
  });

  it.each([
    ['8000', '0008%'],
    ['123', '321%'],
    ['138 000', '000831%'],
  ])('treats 3 to 6 digits %p as the end of a phone number', (q, reversedPrefix) => {
    expect(planSearch(q)).toEqual({ kind: 'phone_suffix', reversedPrefix });
  });

  it('searches a longer phone fragment, typed with spaces or dashes, by its digits anywhere', () => {
    expect(planSearch('1380013')).toEqual({ kind: 'trigram', like: '%1380013%' });
    expect(planSearch('138 0013')).toEqual({ kind: 'trigram', like: '%1380013%' });
    expect(planSearch('+86 138-0013')).toEqual({ kind: 'trigram', like: '%+861380013%' });
  });

  it('folds full-width characters and collapses spaces', () => {
    expect(planSearch('ＡＢＣ')).toEqual({ kind: 'trigram', like: '%abc%' });
    expect(planSearch('上海   远航')).toEqual({ kind: 'trigram', like: '%上海 远航%' });
  });

  it('counts characters, not UTF-16 units (emoji, rare CJK)', () => {
    expect(planSearch('𠀋')).toEqual({ kind: 'prefix', prefix: '𠀋%' });
    expect(planSearch('😀a').kind).toBe('bigram');
  });

  it('escapes LIKE wildcards so they match literally', () => {
    expect(planSearch('50%_off')).toEqual({ kind: 'trigram', like: '%50\\%\\_off%' });
    expect(escapeLike('a\\b')).toBe('a\\\\b');
  });
});
