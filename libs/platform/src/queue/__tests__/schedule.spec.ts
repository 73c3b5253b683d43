import { missedFire, nextFire, previousFire } from '../schedule';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

describe('cron schedule in the agency time zone', () => {
  it('fires nightly at 02:00 Shanghai time, which is 18:00 UTC the day before', () => {
    expect(nextFire('0 2 * * *', at('2026-03-01T10:00:00Z'), TZ).toISOString()).toBe('2026-03-01T18:00:00.000Z');
  });

  it('counts a fire exactly at the moment as the previous one', () => {
    expect(previousFire('0 2 * * *', at('2026-03-01T18:00:00Z'), TZ).toISOString()).toBe('2026-03-01T18:00:00.000Z');
    expect(previousFire('0 2 * * *', at('2026-03-01T17:59:59Z'), TZ).toISOString()).toBe('2026-02-28T18:00:00.000Z');
  });

  it('next fire is strictly after the given moment', () => {
    expect(nextFire('17 * * * *', at('2026-03-01T10:17:00Z'), TZ).toISOString()).toBe('2026-03-01T11:17:00.000Z');
  });
});

describe('missedFire', () => {
  const cron = '0 2 * * *';
  const now = at('2026-03-02T03:00:00Z'); // 11:00 Shanghai; last fire 2026-03-01T18:00Z

  it('owes the latest fire when the job never succeeded', () => {
    expect(missedFire(cron, null, now, TZ)?.toISOString()).toBe('2026-03-01T18:00:00.000Z');
  });

  it('owes the latest fire when the last success is older than it', () => {
    expect(missedFire(cron, at('2026-02-28T18:00:00Z'), now, TZ)?.toISOString()).toBe('2026-03-01T18:00:00.000Z');
  });

  it('owes only the most recent fire, not every one missed during a long outage', () => {
    expect(missedFire(cron, at('2026-01-01T18:00:00Z'), now, TZ)?.toISOString()).toBe('2026-03-01T18:00:00.000Z');
  });

  it('owes nothing when the latest fire succeeded', () => {
    expect(missedFire(cron, at('2026-03-01T18:00:00Z'), now, TZ)).toBeNull();
    expect(missedFire(cron, at('2026-03-02T01:00:00Z'), now, TZ)).toBeNull();
  });
});
