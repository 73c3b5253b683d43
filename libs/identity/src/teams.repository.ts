import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import { TeamEntity } from './team.entity';

@Injectable()
export class TeamsRepository {
  constructor(@InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>) {}

  list(): Promise<TeamEntity[]> {
    return this.teams.find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<TeamEntity | null> {
    return this.teams.findOneBy({ id });
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.teams.manager.transaction(work);
  }

  /** Inserts unless the name is taken; the new team, or null. */
  async insertIfAbsent(m: EntityManager, team: Pick<TeamEntity, 'name' | 'managerId'>): Promise<TeamEntity | null> {
    const res = await m.createQueryBuilder().insert().into(TeamEntity).values(team).orIgnore().returning('id').execute();
    const id = (res.raw as { id: string }[])[0]?.id;
    return id ? m.findOneByOrFail(TeamEntity, { id }) : null;
  }

  /** Saves; null when the new name is another team's. */
  async save(m: EntityManager, team: TeamEntity): Promise<TeamEntity | null> {
    try {
      return await m.save(team);
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') return null;
      throw e;
    }
  }
}
