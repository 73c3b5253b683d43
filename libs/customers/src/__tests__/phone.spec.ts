import { normalizeEmail, normalizePhone } from '../phone';

describe('normalizePhone (default region CN)', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['138-0013-8000', '+8613800138000'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['008613800138000', '+8613800138000'],
    ['+8613800138000', '+8613800138000'],
    ['(010) 6552 9988', '+861065529988'],
    ['010-65529988', '+861065529988'],
    ['+1 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+852 9123 4567', '+85291234567'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['123', '', '   ', '1380013800', '138001380001234', 'abc13800138000', '+86 138 0013 800x', '12345678901234567890123456789012345678901', '<script>'])(
    'rejects %p',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Zhang.Wei@Example.COM ')).toBe('zhang.wei@example.com');
  });
});
