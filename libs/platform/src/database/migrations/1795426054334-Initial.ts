import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795426054334 implements MigrationInterface {
  name = 'Initial1795426054334';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Search support the entities cannot express: trigram matching, and a bigram function for
    // two-character (typically Chinese) terms that trigrams cannot serve.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE FUNCTION crm_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      'SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), ''{}'') FROM generate_series(1, length(t) - 1) AS i'`);
    await queryRunner.query(`CREATE TABLE "job_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "state" character varying(20) NOT NULL DEFAULT 'queued', "progress" smallint NOT NULL DEFAULT '0', "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "scheduled_for" TIMESTAMP WITH TIME ZONE, "requested_by" uuid, "result" jsonb, "error" text, "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4d0012c04fcfc287550b76be7e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "job_runs_name_scheduled_for_key" ON "job_runs" ("name", "scheduled_for") WHERE "scheduled_for" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "job_schedules" ("name" character varying(100) NOT NULL, "last_success_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_95638964ede449d5f4cc3c7301d" PRIMARY KEY ("name"))`);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(100) NOT NULL, "role" character varying(20) NOT NULL, "password_hash" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email") `);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "sessions_expires_at_idx" ON "sessions" ("expires_at") `);
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_type" character varying(20) NOT NULL, "actor_id" uuid, "action" character varying(100) NOT NULL, "entity_type" character varying(50) NOT NULL, "entity_id" character varying(100), "details" jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_log_entity_idx" ON "audit_log" ("entity_type", "entity_id", "at") `);
    await queryRunner.query(`CREATE TABLE "customers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(20) NOT NULL, "name" character varying(200) COLLATE "C" NOT NULL, "partner_kind" character varying(30), "phone" character varying(20), "email" character varying(254), "organization" character varying(200), "city" character varying(100), "birthday" date, "age_band" character varying(10), "occupation" character varying(100), "preferred_seasons" text array NOT NULL DEFAULT '{}', "decision_cycle_days" integer, "sensitivities" text array NOT NULL DEFAULT '{}', "motivations" text array NOT NULL DEFAULT '{}', "tags" text array NOT NULL DEFAULT '{}', "consent_sms" boolean NOT NULL DEFAULT false, "consent_email" boolean NOT NULL DEFAULT false, "consent_wechat" boolean NOT NULL DEFAULT false, "consent_phone" boolean NOT NULL DEFAULT false, "do_not_contact" boolean NOT NULL DEFAULT false, "owner_id" uuid NOT NULL, "tier" character varying(1), "quadrant" character varying(20), "lifecycle_stage" character varying(20), "health" jsonb, "search_bigrams" text array NOT NULL DEFAULT '{}', "lifetime_value" bigint NOT NULL DEFAULT '0', "currency" character(3) NOT NULL DEFAULT 'CNY', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "customers_phone_idx" ON "customers" ("phone") `);
    await queryRunner.query(`CREATE INDEX "customers_email_idx" ON "customers" ("email") `);
    await queryRunner.query(`CREATE TABLE "customer_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "role" character varying(100), "phone" character varying(20), "email" character varying(254), "is_primary" boolean NOT NULL DEFAULT false, "position" smallint NOT NULL DEFAULT '0', CONSTRAINT "PK_bde619dbcb45a3e4d542e137bd3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "customer_contacts_customer_idx" ON "customer_contacts" ("customer_id") `);
    await queryRunner.query(`CREATE INDEX "customer_contacts_phone_idx" ON "customer_contacts" ("phone") `);
    await queryRunner.query(`CREATE TABLE "customer_external_refs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "source" character varying(50) NOT NULL, "external_id" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b04b782e5b3863e4fbeb2c3217f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "customer_external_refs_customer_idx" ON "customer_external_refs" ("customer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "customer_external_refs_source_external_id_key" ON "customer_external_refs" ("source", "external_id") `);
    await queryRunner.query(`CREATE TABLE "customer_owner_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "from_user_id" uuid, "to_user_id" uuid NOT NULL, "changed_by" uuid, "reason" character varying(500), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9f3ca033dac4bf1e2deb550357" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "customer_owner_changes_customer_idx" ON "customer_owner_changes" ("customer_id", "at") `);
    await queryRunner.query(`ALTER TABLE "customers" ADD CONSTRAINT "FK_790797178a0a9643de8bbbc9605" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "customer_contacts" ADD CONSTRAINT "FK_76ca61fed7339b9f358599f9fda" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "customer_external_refs" ADD CONSTRAINT "FK_b64c68947b458c8758b24e66a3c" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "customer_owner_changes" ADD CONSTRAINT "FK_c37d7ccaed39eb33d335b96668b" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Indexes declared with synchronize: false on CustomerEntity: list orders (keyset) and search.
    await queryRunner.query(`CREATE INDEX "customers_name_idx" ON "customers" ("name", "id") WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "customers_created_idx" ON "customers" ("created_at", "id") WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "customers_value_idx" ON "customers" ("lifetime_value", "id") WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "customers_owner_name_idx" ON "customers" ("owner_id", "name", "id") WHERE deleted_at IS NULL`);
    // Not partial: PostgreSQL keeps statistics only for non-partial expression indexes, and without them
    // the planner walks the name index instead (seconds, not milliseconds, at a million customers).
    await queryRunner.query(`CREATE INDEX "customers_phone_suffix_idx" ON "customers" (reverse(phone) text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "customers_tags_idx" ON "customers" USING gin ("tags") WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "customers_search_trgm_idx" ON "customers" USING gin ((lower((name || ' ' || coalesce(phone, '') || ' ' || coalesce(email, '') || ' ' || coalesce(organization, '')) COLLATE "default")) gin_trgm_ops) WHERE deleted_at IS NULL`);
    // Bigrams live in a plain column kept by a trigger (not a generated column, which TypeORM tracks in its
    // own metadata table): ANALYZE then knows how rare each bigram is, and filtering it costs nothing.
    await queryRunner.query(`CREATE FUNCTION crm_customers_search_bigrams() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_bigrams := crm_bigrams(lower((NEW.name || ' ' || coalesce(NEW.organization, '')) COLLATE "default"));
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER customers_search_bigrams BEFORE INSERT OR UPDATE OF name, organization ON "customers"
      FOR EACH ROW EXECUTE FUNCTION crm_customers_search_bigrams()`);
    await queryRunner.query(`CREATE INDEX "customers_search_bigrams_idx" ON "customers" USING gin ("search_bigrams") WHERE deleted_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['search_bigrams', 'search_trgm', 'phone_suffix', 'tags', 'owner_name', 'value', 'created', 'name']) {
      await queryRunner.query(`DROP INDEX IF EXISTS "customers_${index}_idx"`);
    }
    await queryRunner.query(`ALTER TABLE "customer_owner_changes" DROP CONSTRAINT "FK_c37d7ccaed39eb33d335b96668b"`);
    await queryRunner.query(`ALTER TABLE "customer_external_refs" DROP CONSTRAINT "FK_b64c68947b458c8758b24e66a3c"`);
    await queryRunner.query(`ALTER TABLE "customer_contacts" DROP CONSTRAINT "FK_76ca61fed7339b9f358599f9fda"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP CONSTRAINT "FK_790797178a0a9643de8bbbc9605"`);
    await queryRunner.query(`DROP INDEX "public"."customer_owner_changes_customer_idx"`);
    await queryRunner.query(`DROP TABLE "customer_owner_changes"`);
    await queryRunner.query(`DROP INDEX "public"."customer_external_refs_source_external_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."customer_external_refs_customer_idx"`);
    await queryRunner.query(`DROP TABLE "customer_external_refs"`);
    await queryRunner.query(`DROP INDEX "public"."customer_contacts_phone_idx"`);
    await queryRunner.query(`DROP INDEX "public"."customer_contacts_customer_idx"`);
    await queryRunner.query(`DROP TABLE "customer_contacts"`);
    await queryRunner.query(`DROP INDEX "public"."customers_email_idx"`);
    await queryRunner.query(`DROP INDEX "public"."customers_phone_idx"`);
    await queryRunner.query(`DROP TABLE "customers"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_entity_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_expires_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_user_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."users_email_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "job_schedules"`);
    await queryRunner.query(`DROP INDEX "public"."job_runs_name_scheduled_for_key"`);
    await queryRunner.query(`DROP TABLE "job_runs"`);
    await queryRunner.query(`DROP FUNCTION crm_customers_search_bigrams()`);
    await queryRunner.query(`DROP FUNCTION crm_bigrams(text)`);
  }
}
