import type { Principal } from '@crm/identity';
import { addDays, agencyDate, agencyInstant, weekdayOf } from '@crm/platform';
import type { VisitPlansService, VisitsService } from '@crm/visits';

/** An account manager and their best customers, the first ones first. */
export interface DemoRoute {
  manager: Principal;
  customerIds: string[];
}

/**
 * Each account manager's fixed route, through the same services the console uses: two stops today, so My day
 * has a route whatever day the demo starts; the others spread over the week and the month, so the week calendar
 * shows every kind of plan. Started four weeks ago, as a route that has been running; scheduled as of the start
 * of today, so today's stops exist even when the demo starts late, and the first one, when its time has passed,
 * is done and has its communication record and a next step.
 */
export async function loadDemoVisitPlans(plans: VisitPlansService, visits: VisitsService, routes: DemoRoute[], now: Date, timeZone: string): Promise<number> {
  const today = agencyDate(now, timeZone);
  const startOfToday = agencyInstant(today, timeZone);
  const weekday = weekdayOf(today);
  const otherDay = (shift: number) => ((weekday - 1 + shift) % 7) + 1;
  const startDate = addDays(today, -28);
  let made = 0;
  for (const [i, { manager, customerIds }] of routes.entries()) {
    const stops = [
      { recurrence: 'weekly', weekday, time: '10:00', durationMinutes: 90, kind: 'in_person', place: '客户办公室', routeOrder: 1, note: '季度出行计划回顾' },
      { recurrence: 'weekly', weekday, time: '16:00', durationMinutes: 30, kind: 'phone', routeOrder: 2, note: '确认下周出团名单' },
      { recurrence: 'every_n_weeks', intervalWeeks: 2, weekday: otherDay(1 + i), time: '09:30', durationMinutes: 60, kind: 'in_person', place: '客户办公室', routeOrder: 1 },
      { recurrence: 'monthly_nth_weekday', nth: 1, weekday: otherDay(2 + i), time: '15:00', durationMinutes: 45, kind: 'video', note: '月度满意度回访' },
    ] as const;
    for (const [k, stop] of stops.entries()) {
      const customerId = customerIds[k];
      if (!customerId) break;
      await plans.create(manager, { ...stop, customerId, startDate }, startOfToday);
      made++;
    }
    const [first] = (await visits.day(manager, { date: today }, now)).items;
    if (first && new Date(first.startsAt) <= now) await visits.saveRecord(manager, first.id, record(manager.id, today), now);
  }
  return made;
}

const record = (managerId: string, today: string) => ({
  attendees: [{ name: '行政总监', side: 'customer' as const, role: '差旅负责人' }],
  feedback: '对上季度的海岛团整体满意，希望下次酒店再升一档',
  problems: [],
  opportunities: [{ kind: 'group_trip' as const, description: '年底 30 人团建，考虑云南', budget: 30_000_000, expectedOn: addDays(today, 45) }],
  satisfaction: 4,
  nextSteps: [{ title: '发送云南团建方案', ownerId: managerId, dueOn: addDays(today, 3) }],
});
