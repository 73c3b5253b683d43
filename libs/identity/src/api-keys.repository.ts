import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';

export type NewApiKey = Pick<ApiKeyEntity, 'name' | 'prefix' | 'keyHash' | 'scopes' | 'createdBy' | 'expiresAt'>;

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.keys.manager.transaction(work);
  }

  async insert(m: EntityManager, key: NewApiKey): Promise<ApiKeyEntity> {
    const { identifiers } = await m.insert(ApiKeyEntity, key);
    return m.findOneByOrFail(ApiKeyEntity, { id: identifiers[0].id });
  }

  /** Newest first; revoked keys stay listed. */
  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ id });
  }

  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ keyHash });
  }

  /** Sets revoked_at once; false when the key was already revoked (by a concurrent request, say). */
  async revoke(m: EntityManager, id: string, at: Date): Promise<boolean> {
    const res = await m.update(ApiKeyEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
    return (res.affected ?? 0) > 0;
  }

  /** Records use unless it was recorded after `since`: replicas racing on the same key write once. */
  async touch(id: string, at: Date, since: Date): Promise<void> {
    await this.keys
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: at })
      .where('id = :id AND (last_used_at IS NULL OR last_used_at < :since)', { id, since })
      .execute();
  }
}
