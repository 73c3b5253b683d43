import { nps, npsOfScores, scoreGroup } from '../nps';
import { signSurveyToken, verifySurveyToken } from '../survey-token';

describe('nps', () => {
  it.each([
    [[10, 9, 8, 7, 6, 0], 0],
    [[10, 10, 10], 100],
    [[0, 3, 6], -100],
    [[7, 8], 0],
    [[9, 10, 9, 7, 2], 40],
    [[9, 6, 6], -33.3],
    [[10, 10, 6], 33.3],
  ])('%j → %d', (scores, want) => expect(npsOfScores(scores).nps).toBe(want));

  it('has no figure without answers', () => expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toEqual({ promoters: 0, passives: 0, detractors: 0, responses: 0, nps: null }));

  it('groups answers at 6|7 and 8|9', () => {
    expect([0, 6, 7, 8, 9, 10].map(scoreGroup)).toEqual(['detractors', 'detractors', 'passives', 'passives', 'promoters', 'promoters']);
    expect(() => scoreGroup(11)).toThrow(RangeError);
    expect(() => scoreGroup(7.5)).toThrow(RangeError);
  });
});

describe('survey token', () => {
  const secret = 'a-survey-secret-of-at-least-32-chars';
  const id = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
  const expires = new Date('2026-06-01T00:00:00Z');
  const token = signSurveyToken(id, expires, secret);

  it('opens the survey it was signed for until it expires', () => {
    expect(verifySurveyToken(token, secret, new Date('2026-05-31T23:59:59Z'))).toEqual({ ok: true, surveyId: id, expiresAt: expires });
    expect(verifySurveyToken(token, secret, expires)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another secret, or with its survey, expiry or signature changed', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const [sid, exp, sig] = token.split('.');
    expect(verifySurveyToken(token, 'another-secret-of-at-least-32-chars!', now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySurveyToken(`${sid.replace(/^6/, '7')}.${exp}.${sig}`, secret, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySurveyToken(`${sid}.${Number(exp) + 86400}.${sig}`, secret, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySurveyToken(`${sid}.${exp}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, secret, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each(['', 'abc', `${id}.123`, `${id}.12x.${'a'.repeat(43)}`, `not-a-uuid.123.${'a'.repeat(43)}`, `${id}.123.${'a'.repeat(42)}`, `${id}.123.${'a'.repeat(43)}.x`])(
    'calls %j malformed',
    (bad) => expect(verifySurveyToken(bad, secret, new Date())).toEqual({ ok: false, reason: 'malformed' }),
  );
});
