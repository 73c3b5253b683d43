import { ANNIVERSARY_WINDOW_DAYS, ReactivationInput, chooseOffer, composeReactivation, customerLanguage, seasonOf, tripMemory } from '../reactivation-message';

const catalogue = [
  { destination: '三亚', category: 'family' },
  { destination: '东京', category: 'independent' },
  { destination: '普吉岛', category: 'honeymoon' },
  { destination: '大阪', category: 'family' },
  { destination: '巴黎', category: 'custom' },
];
const chiangMai = { destination: '清迈', departureDate: '2025-11-20', returnDate: '2025-11-25' };
const input = (over: Partial<ReactivationInput> = {}): ReactivationInput => ({
  language: 'zh-CN', customerName: '林小雨', today: '2026-11-20', lastTrip: chiangMai,
  favouriteCategories: ['family'], visited: ['清迈', '三亚'], catalogue, discountPercent: 15, ...over,
});

describe('tripMemory', () => {
  it.each([
    // [today, expected] for a trip 2025-11-20 … 2025-11-25
    ['2026-11-20', { kind: 'anniversary', years: 1, exact: true }], // the departure day
    ['2026-11-25', { kind: 'anniversary', years: 1, exact: true }], // the last day of the trip
    ['2026-11-13', { kind: 'anniversary', years: 1, exact: false }], // 7 days before: the window's edge
    ['2026-11-12', { kind: 'season', season: 'autumn', year: 2025 }], // 8 days before: outside
    ['2026-11-27', { kind: 'anniversary', years: 1, exact: false }], // 7 days after departure, after the trip
    ['2026-11-28', { kind: 'season', season: 'autumn', year: 2025 }], // 8 days after departure
    ['2027-11-21', { kind: 'anniversary', years: 2, exact: true }],
    ['2027-11-10', { kind: 'season', season: 'autumn', year: 2025 }],
    ['2026-06-01', { kind: 'season', season: 'autumn', year: 2025 }],
  ])('on %s', (today, expected) => {
    expect(tripMemory(chiangMai, today)).toEqual(expected);
  });

  it('the window is seven days', () => expect(ANNIVERSARY_WINDOW_DAYS).toBe(7));

  it('never "a year ago" for a trip less than a year ago, even within days of the date', () => {
    expect(tripMemory({ destination: '清迈', departureDate: '2026-11-18', returnDate: null }, '2026-11-20')).toEqual({ kind: 'season', season: 'autumn', year: 2026 });
  });

  it('across a new year: a trip on 30 December is near on 3 January', () => {
    expect(tripMemory({ destination: '东京', departureDate: '2024-12-30', returnDate: null }, '2026-01-03')).toEqual({ kind: 'anniversary', years: 1, exact: false });
    expect(tripMemory({ destination: '东京', departureDate: '2025-01-03', returnDate: null }, '2026-12-29')).toEqual({ kind: 'anniversary', years: 2, exact: false });
  });

  it('29 February is remembered on the 28th in a common year', () => {
    expect(tripMemory({ destination: '东京', departureDate: '2024-02-29', returnDate: null }, '2025-02-28')).toEqual({ kind: 'anniversary', years: 1, exact: true });
  });

  it('a trip without a return date is one day', () => {
    expect(tripMemory({ destination: '东京', departureDate: '2025-05-01', returnDate: null }, '2026-05-02')).toEqual({ kind: 'anniversary', years: 1, exact: false });
  });

  it.each([
    ['2025-03-01', 'spring'], ['2025-05-31', 'spring'], ['2025-06-01', 'summer'], ['2025-08-31', 'summer'],
    ['2025-09-01', 'autumn'], ['2025-11-30', 'autumn'], ['2025-12-01', 'winter'], ['2025-02-28', 'winter'],
  ])('season of %s is %s', (date, season) => expect(seasonOf(date)).toBe(season));
});

describe('chooseOffer', () => {
  it('the most booked unvisited destination of the most liked category', () => {
    expect(chooseOffer(['family'], ['三亚'], catalogue)).toEqual({ destination: '大阪', category: 'family' });
  });
  it('the next liked category when the first is exhausted', () => {
    expect(chooseOffer(['family', 'honeymoon'], ['三亚', '大阪'], catalogue)).toEqual({ destination: '普吉岛', category: 'honeymoon' });
  });
  it('no favourite category: the most booked unvisited destination', () => {
    expect(chooseOffer([], ['三亚'], catalogue)).toEqual({ destination: '东京', category: null });
  });
  it('liked categories all visited: falls back to any unvisited destination', () => {
    expect(chooseOffer(['family'], ['三亚', '大阪'], catalogue)).toEqual({ destination: '东京', category: null });
  });
  it('everywhere visited, or nothing on offer: none', () => {
    expect(chooseOffer(['family'], catalogue.map((c) => c.destination), catalogue)).toBeNull();
    expect(chooseOffer(['family'], [], [])).toBeNull();
  });
});

describe('composeReactivation', () => {
  it('zh-CN on the anniversary: the memory of the café in Chiang Mai and a family offer', () => {
    const m = composeReactivation(input());
    expect(m.subject).toBe('林小雨，好久不见');
    expect(m.body).toBe(
      '林小雨，你好！\n一年前的今天，你在清迈的咖啡馆晒太阳。\n喜欢亲子游的你，这次去大阪看看吧？我们为你准备了专属8.5折优惠，回复本消息或联系你的客户经理即可预订。',
    );
    expect(m.offer).toEqual({ destination: '大阪', category: 'family' });
  });

  it('zh-CN near the anniversary, two years on, 10 % off', () => {
    const m = composeReactivation(input({ today: '2027-11-15', discountPercent: 10 }));
    expect(m.body.split('\n')[1]).toBe('两年前的这几天，你在清迈的咖啡馆晒太阳。');
    expect(m.body).toContain('专属9折优惠');
  });

  it('zh-CN away from the anniversary: destination and season', () => {
    expect(composeReactivation(input({ today: '2026-07-01' })).body.split('\n')[1]).toBe('还记得2025年秋天，你在清迈的咖啡馆晒太阳吗？');
  });

  it('zh-CN for a destination without a phrase, with no favourite category', () => {
    const m = composeReactivation(input({ lastTrip: { destination: '喀什', departureDate: '2025-04-02', returnDate: null }, today: '2026-07-01', favouriteCategories: [] }));
    expect(m.body.split('\n')[1]).toBe('还记得2025年春天，你在喀什旅行吗？');
    expect(m.body.split('\n')[2]).toMatch(/^这次去东京看看吧？/);
  });

  it('zh-CN when every destination was visited: the discount on the next trip', () => {
    const m = composeReactivation(input({ visited: catalogue.map((c) => c.destination) }));
    expect(m.offer).toBeNull();
    expect(m.body.split('\n')[2]).toBe('下一次旅行，我们为你准备了专属8.5折优惠，回复本消息或联系你的客户经理即可预订。');
  });

  it('en on the anniversary', () => {
    const m = composeReactivation(input({ language: 'en', customerName: 'Emma' }));
    expect(m.subject).toBe('We miss you, Emma');
    expect(m.body).toBe(
      'Hi Emma,\nA year ago today you were soaking up the sun in a Chiang Mai café.\n' +
        'You love family trips — how about Osaka next? We have set aside 15% off for you. Reply to this message or contact your account manager to book.',
    );
  });

  it('en near the anniversary, three years on', () => {
    expect(composeReactivation(input({ language: 'en', customerName: 'Emma', today: '2028-11-27' })).body.split('\n')[1]).toBe(
      'Three years ago this week you were soaking up the sun in a Chiang Mai café.',
    );
  });

  it('en with the season, an unknown destination and no favourite category', () => {
    const m = composeReactivation(input({ language: 'en', customerName: 'Emma', today: '2026-07-01', lastTrip: { destination: 'Kashgar', departureDate: '2025-01-10', returnDate: null }, favouriteCategories: [] }));
    expect(m.body.split('\n')[1]).toBe('Remember winter 2025, travelling in Kashgar?');
    expect(m.body.split('\n')[2]).toBe('How about Tokyo next? We have set aside 15% off for you. Reply to this message or contact your account manager to book.');
  });

  it('en when every destination was visited', () => {
    const m = composeReactivation(input({ language: 'en', customerName: 'Emma', visited: catalogue.map((c) => c.destination) }));
    expect(m.body.split('\n')[2]).toBe('For your next trip, we have set aside 15% off for you. Reply to this message or contact your account manager to book.');
  });

  it('more than ten years ago is written in digits', () => {
    expect(composeReactivation(input({ today: '2037-11-20' })).body.split('\n')[1]).toBe('12年前的今天，你在清迈的咖啡馆晒太阳。');
    expect(composeReactivation(input({ language: 'en', today: '2037-11-20' })).body.split('\n')[1]).toMatch(/^12 years ago today/);
  });
});

describe('customerLanguage', () => {
  it.each([
    ['林小雨', null, 'zh-CN'],
    ['林小雨', '+14155550100', 'zh-CN'],
    ['Emma Watson', '+447700900123', 'en'],
    ['Emma Watson', null, 'en'],
    ['Lin Xiaoyu', '+8613800138000', 'zh-CN'],
    ['Chan Tai Man', '+85291234567', 'zh-CN'],
    ['Wong', '+886912345678', 'zh-CN'],
  ])('%s %s → %s', (name, phone, language) => expect(customerLanguage(name, phone)).toBe(language));
});
