import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CONFIG, Config } from '@crm/platform';
import { hashPassword, principalOf, UserEntity } from '@crm/identity';
import { GENERATE_CUSTOMERS_SQL, GENERATED_OWNER_HISTORY_SQL } from '@crm/customers';
import { GENERATE_BOOKINGS_SQL, GENERATED_BOOKING_EXTRAS_SQL } from '@crm/bookings';
import { ComplaintsService } from '@crm/complaints';
import { VisitPlansService, VisitsService } from '@crm/visits';
import { loadDemoComplaints } from './demo-complaints';
import { loadDemoVisitPlans } from './demo-visit-plans';

export const DEMO_PASSWORD = 'demo12345';
const DEMO_USERS = [
  { email: 'manager@example.com', name: '王经理', role: 'manager' },
  { email: 'li.na@example.com', name: '李娜', role: 'account_manager' },
  { email: 'zhang.wei@example.com', name: '张伟', role: 'account_manager' },
  { email: 'chen.jing@example.com', name: '陈静', role: 'account_manager' },
  { email: 'agent@example.com', name: '刘客服', role: 'agent' },
];

/**
 * A few hundred realistic customers with two years of bookings and a small team, loaded once into an empty demo
 * database; then, once each, the team's visit plans and a few complaints, so the console shows its features at
 * first start (also in a demo database made before they existed).
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly visitPlans: VisitPlansService,
    private readonly visits: VisitsService,
    private readonly complaints: ComplaintsService,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.demoData) return;
    await this.loadTeamAndCustomers();
    await this.exclusively(() => this.loadPlansAndComplaints(new Date()));
  }

  private async loadTeamAndCustomers() {
    const hash = await hashPassword(DEMO_PASSWORD);
    await this.dataSource.transaction(async (m) => {
      // One loader at a time; the second finds the data there.
      await m.query('SELECT pg_advisory_xact_lock(4242)');
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM customers');
      if (n > 0) return;
      for (const u of DEMO_USERS) {
        await m.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING`, [u.email, u.name, u.role, hash]);
      }
      // The staff as one team under the manager: their complaints' breaches alert him.
      await m.query(`INSERT INTO teams (name, manager_id) SELECT '客服一组', id FROM users WHERE email = 'manager@example.com' ON CONFLICT (name) DO NOTHING`);
      await m.query(`UPDATE users SET team_id = (SELECT id FROM teams WHERE name = '客服一组') WHERE email = ANY($1::text[])`, [DEMO_USERS.map((u) => u.email)]);
      const owners: { id: string }[] = await m.query(`SELECT id FROM users WHERE role = 'account_manager' AND active ORDER BY email`);
      await m.query(GENERATE_CUSTOMERS_SQL, [300, owners.map((o) => o.id), 0.42, 0, false]);
      await m.query(GENERATED_OWNER_HISTORY_SQL);
      // About two years of bookings from two booking systems, as of now.
      const [{ ids }] = await m.query('SELECT array_agg(id ORDER BY created_at, id) AS ids FROM customers');
      const [, bookings] = await m.query(GENERATE_BOOKINGS_SQL, [ids, 0.42, new Date(), 3]);
      for (const sql of GENERATED_BOOKING_EXTRAS_SQL) await m.query(sql, [ids]);
      this.logger.log({ msg: 'loaded demo data', customers: 300, bookings, users: DEMO_USERS.length, password: DEMO_PASSWORD });
    });
  }

  /** Through the domain services, which write in transactions of their own: the lock is held by a session beside them. */
  private async exclusively(work: () => Promise<void>) {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(4243)');
      await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(4243)');
      await runner.release();
    }
  }

  /** Each part only into a database that has none of its kind yet, and only when the demo team is there to own it. */
  private async loadPlansAndComplaints(now: Date) {
    const users = await this.dataSource.getRepository(UserEntity).findBy({ email: In(DEMO_USERS.map((u) => u.email)), active: true });
    const staff = (role: string) => users.filter((u) => u.role === role).sort((a, b) => a.email.localeCompare(b.email)).map(principalOf);
    const [manager] = staff('manager');
    const [agent] = staff('agent');
    const accountManagers = staff('account_manager');
    if (!manager || !agent || !accountManagers.length) return;
    // Key accounts first: organisations and partners before travellers, then by what they have spent.
    const best = async (ownerIds: string[], n: number): Promise<string[]> =>
      (await this.dataSource.query(
        `SELECT c.id FROM customers c
         WHERE c.owner_id = ANY($1::uuid[]) AND c.deleted_at IS NULL
         ORDER BY c.type = 'individual', (SELECT coalesce(sum(b.amount_value), 0) FROM bookings b WHERE b.customer_id = c.id) DESC, c.id
         LIMIT $2`,
        [ownerIds, n],
      )).map((r: { id: string }) => r.id);
    const tz = this.config.timeZone;
    if (!(await this.any('visit_plans'))) {
      const routes = await Promise.all(accountManagers.map(async (m) => ({ manager: m, customerIds: await best([m.id], 4) })));
      this.logger.log({ msg: 'loaded demo visit plans', plans: await loadDemoVisitPlans(this.visitPlans, this.visits, routes, now, tz) });
    }
    if (!(await this.any('complaints'))) {
      const customerIds = await best(accountManagers.map((m) => m.id), 4);
      this.logger.log({ msg: 'loaded demo complaints', complaints: await loadDemoComplaints(this.complaints, agent, manager, customerIds, now, tz) });
    }
  }

  private async any(table: 'visit_plans' | 'complaints'): Promise<boolean> {
    return (await this.dataSource.query(`SELECT EXISTS (SELECT FROM ${table}) AS any`))[0].any;
  }
}
