/**
 * Calendar arithmetic in the agency's time zone ("12 months before 2026-03-01 02:00 in Shanghai"), with no
 * library: Intl tells the wall clock of an instant, and the instant of a wall clock is found by
 * correcting for the zone's offset (twice, so a DST change in between is honoured).
 */
export interface Wall {
  year: number;
  month: number; // 1..12
  day: number;
  ms: number; // milliseconds into the day
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallOf(instant: Date, timeZone: string): Wall {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((x) => [x.type, Number(x.value)]));
  const ms = ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 + (instant.getTime() % 1000 + 1000) % 1000;
  return { year: p.year, month: p.month, day: p.day, ms };
}

const wallAsUtc = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day) + w.ms;

export function instantOf(w: Wall, timeZone: string): Date {
  let guess = wallAsUtc(w);
  for (let i = 0; i < 2; i++) guess = wallAsUtc(w) - (wallAsUtc(wallOf(new Date(guess), timeZone)) - guess);
  return new Date(guess);
}

/** The same wall-clock time `months` calendar months earlier; the day is clamped (31 March − 1 month = 28/29 February). */
export function monthsBefore(instant: Date, months: number, timeZone: string): Date {
  const w = wallOf(instant, timeZone);
  const index = w.year * 12 + (w.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return instantOf({ year, month, day: Math.min(w.day, lastDay), ms: w.ms }, timeZone);
}
