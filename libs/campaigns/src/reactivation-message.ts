import { dayNumber } from '@crm/platform';
import type { MessageLanguage } from './campaign.entity';
import { destinationName, momentAt } from './destination-phrases';

/**
 * The reactivation message, composed from what the customer did and the campaign's offer. Pure: "today" (an
 * agency date) is an argument, so the anniversary window is tested at its edges.
 */

/** How close (in days, either side) today must be to the anniversary of the last trip's departure to recall "a year ago today". */
export const ANNIVERSARY_WINDOW_DAYS = 7;

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

export interface LastTrip {
  destination: string;
  departureDate: string; // YYYY-MM-DD
  returnDate: string | null;
}

export type TripMemory =
  /** `exact`: today is the anniversary of a day of the trip ("today"); otherwise it is within the window ("around now"). */
  | { kind: 'anniversary'; years: number; exact: boolean }
  | { kind: 'season'; season: Season; year: number };

export interface OfferCandidate {
  destination: string;
  category: string;
}

export interface Offer {
  destination: string;
  /** The liked category it was chosen from; null when none of them had an unvisited destination. */
  category: string | null;
}

export interface ReactivationInput {
  language: MessageLanguage;
  customerName: string;
  today: string;
  lastTrip: LastTrip;
  /** The categories of the customer's trips, most frequent first. */
  favouriteCategories: readonly string[];
  visited: readonly string[];
  /** Destinations on offer with their category, most booked first. */
  catalogue: readonly OfferCandidate[];
  discountPercent: number;
}

export interface ComposedMessage {
  subject: string;
  body: string;
  offer: Offer | null;
  memory: TripMemory;
}

/** The same month and day `years` later; 29 February falls on the 28th in a common year. */
function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function seasonOf(date: string): Season {
  const month = Number(date.slice(5, 7));
  return month >= 3 && month <= 5 ? 'spring' : month >= 6 && month <= 8 ? 'summer' : month >= 9 && month <= 11 ? 'autumn' : 'winter';
}

/** The anniversary memory when today is near one (a whole number of years after, at least one), else the season. */
export function tripMemory(trip: LastTrip, today: string): TripMemory {
  const t = dayNumber(today);
  const tripDays = trip.returnDate ? Math.max(0, dayNumber(trip.returnDate) - dayNumber(trip.departureDate)) : 0;
  const approxYears = Number(today.slice(0, 4)) - Number(trip.departureDate.slice(0, 4));
  // Near a new year the closest anniversary can belong to the year before or after.
  for (const years of [approxYears - 1, approxYears, approxYears + 1]) {
    if (years < 1) continue;
    const start = dayNumber(shiftYears(trip.departureDate, years));
    if (t >= start && t <= start + tripDays) return { kind: 'anniversary', years, exact: true };
    if (Math.abs(t - start) <= ANNIVERSARY_WINDOW_DAYS) return { kind: 'anniversary', years, exact: false };
  }
  return { kind: 'season', season: seasonOf(trip.departureDate), year: Number(trip.departureDate.slice(0, 4)) };
}

/**
 * A destination the customer has not been to: the most booked one in their most liked category that has one,
 * then in the next; with no liked category left (or none known), the most booked unvisited one; null when they
 * have been everywhere on offer.
 */
export function chooseOffer(favouriteCategories: readonly string[], visited: readonly string[], catalogue: readonly OfferCandidate[]): Offer | null {
  const been = new Set(visited);
  for (const category of favouriteCategories) {
    const hit = catalogue.find((c) => c.category === category && !been.has(c.destination));
    if (hit) return { destination: hit.destination, category };
  }
  const any = catalogue.find((c) => !been.has(c.destination));
  return any ? { destination: any.destination, category: null } : null;
}

const ZH_SEASONS: Record<Season, string> = { spring: '春天', summer: '夏天', autumn: '秋天', winter: '冬天' };
const ZH_NUMBERS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const CATEGORY_LABELS: Record<string, { zh: string; en: string }> = {
  family: { zh: '亲子游', en: 'family' },
  honeymoon: { zh: '蜜月游', en: 'honeymoon' },
  business: { zh: '商务游', en: 'business' },
  group: { zh: '跟团游', en: 'group' },
  independent: { zh: '自由行', en: 'independent' },
  custom: { zh: '定制游', en: 'tailor-made' },
};

const zhYears = (n: number) => `${ZH_NUMBERS[n] ?? n}年`;
const enYearsAgo = (n: number) => (n === 1 ? 'A year ago' : `${capitalise(EN_NUMBERS[n] ?? String(n))} years ago`);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** 15 % off is "8.5折" (pay 85 %). */
const zhDiscount = (percent: number) => `${(100 - percent) / 10}折`;

function memoryLine(memory: TripMemory, destination: string, language: MessageLanguage): string {
  const moment = momentAt(destination, language);
  if (language === 'zh-CN') {
    if (memory.kind === 'season') return `还记得${memory.year}年${ZH_SEASONS[memory.season]}，你${moment}吗？`;
    return `${zhYears(memory.years)}前的${memory.exact ? '今天' : '这几天'}，你${moment}。`;
  }
  if (memory.kind === 'season') return `Remember ${memory.season} ${memory.year}, ${moment}?`;
  return `${enYearsAgo(memory.years)} ${memory.exact ? 'today' : 'this week'} you were ${moment}.`;
}

function offerLine(offer: Offer | null, discountPercent: number, language: MessageLanguage): string {
  const label = offer?.category ? CATEGORY_LABELS[offer.category] : undefined;
  if (language === 'zh-CN') {
    const deal = `我们为你准备了专属${zhDiscount(discountPercent)}优惠，回复本消息或联系你的客户经理即可预订。`;
    if (!offer) return `下一次旅行，${deal}`;
    return `${label ? `喜欢${label.zh}的你，` : ''}这次去${offer.destination}看看吧？${deal}`;
  }
  const deal = 'Reply to this message or contact your account manager to book.';
  if (!offer) return `For your next trip, we have set aside ${discountPercent}% off for you. ${deal}`;
  const where = destinationName(offer.destination, 'en');
  const invitation = label ? `You love ${label.en} trips — how about ${where} next?` : `How about ${where} next?`;
  return `${invitation} We have set aside ${discountPercent}% off for you. ${deal}`;
}

export function composeReactivation(input: ReactivationInput): ComposedMessage {
  const { language, customerName } = input;
  const memory = tripMemory(input.lastTrip, input.today);
  const offer = chooseOffer(input.favouriteCategories, input.visited, input.catalogue);
  const greeting = language === 'zh-CN' ? `${customerName}，你好！` : `Hi ${customerName},`;
  const body = [greeting, memoryLine(memory, input.lastTrip.destination, language), offerLine(offer, input.discountPercent, language)].join('\n');
  const subject = language === 'zh-CN' ? `${customerName}，好久不见` : `We miss you, ${customerName}`;
  return { subject, body, offer, memory };
}

/** Chinese when the name is written in Chinese characters or the phone is from mainland China, Hong Kong, Macau or Taiwan. */
export function customerLanguage(name: string, phone: string | null): MessageLanguage {
  if (/\p{Script=Han}/u.test(name)) return 'zh-CN';
  return phone && /^\+(86|852|853|886)/.test(phone) ? 'zh-CN' : 'en';
}
