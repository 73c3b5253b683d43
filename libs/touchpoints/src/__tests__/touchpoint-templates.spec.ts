import { MessageFacts, composeMessage, seasonAt } from '../touchpoint-templates';

const facts: MessageFacts = {
  customerName: '张伟', destination: '哈尔滨', category: 'family', departureDate: '2026-01-10', returnDate: '2026-01-15', ownerName: '李娜', ownerEmail: 'li.na@agency.cn',
};

describe('season at the destination', () => {
  it.each([
    ['哈尔滨', '2026-01-10', 'winter'],
    ['Paris', '2026-04-02', 'spring'],
    ['云南', '2026-07-01', 'summer'],
    ['京都', '2026-11-20', 'autumn'],
    ['悉尼', '2026-07-01', 'winter'],
    ['Queenstown, New Zealand', '2026-01-05', 'summer'],
    ['清迈', '2026-01-05', 'tropical'],
    ['Bali', '2026-07-05', 'tropical'],
    [null, '2026-12-01', 'winter'],
  ])('%s in %s: %s', (dest, date, want) => expect(seasonAt(dest, date)).toBe(want));
});

describe('messages in both languages', () => {
  it('puts destination, dates, packing for the season, the category tip and emergency contacts in the Chinese handbook', () => {
    const m = composeMessage('pre_trip_handbook', 'zh-CN', facts);
    expect(m.subject).toBe('哈尔滨出行手册（2026-01-10 出发）');
    expect(m.body).toContain('2026-01-10 – 2026-01-15');
    expect(m.body).toContain('羽绒服');
    expect(m.body).toContain('儿童常用药');
    expect(m.body).toContain('李娜 (li.na@agency.cn)');
    expect(m.body).toContain('12308');
  });

  it('writes the English handbook for the season and category of the trip', () => {
    const m = composeMessage('pre_trip_handbook', 'en', { ...facts, customerName: 'Anna', ownerName: 'Li Na', destination: 'Phuket', category: 'business', departureDate: '2026-03-01', returnDate: '2026-03-01' });
    expect(m.subject).toBe('Your handbook for Phuket (departing 2026-03-01)');
    expect(m.body).toMatch(/^Dear Anna,/);
    expect(m.body).toContain('(2026-03-01)');
    expect(m.body).toContain('insect repellent');
    expect(m.body).toContain('plug adapters');
    expect(m.body).not.toMatch(/[\u3400-\u9fff]/);
  });

  it('leaves the tip out for a category without one', () => {
    expect(composeMessage('pre_trip_handbook', 'en', { ...facts, category: 'other' }).body).not.toContain('Tip:');
    expect(composeMessage('pre_trip_handbook', 'zh-CN', { ...facts, category: null }).body).not.toContain('【提示】');
  });

  it('carries the survey link in the NPS message', () => {
    const url = 'https://crm.agency.cn/survey/abc';
    expect(composeMessage('nps_survey', 'zh-CN', { ...facts, surveyUrl: url }).body).toContain(url);
    expect(composeMessage('nps_survey', 'en', { ...facts, surveyUrl: url }).body).toContain(`(0–10):\n${url}`);
  });

  it.each(['where_next_vote', 'birthday_greeting'] as const)('writes %s in each language', (kind) => {
    const zh = composeMessage(kind, 'zh-CN', facts);
    const en = composeMessage(kind, 'en', { ...facts, customerName: 'Anna', destination: 'Harbin', ownerName: 'Li Na' });
    expect(zh.body).toContain('张伟');
    expect(en.body).toContain('Anna');
    expect(en.body + en.subject).not.toMatch(/[\u3400-\u9fff]/);
  });
});
