import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "verdicts" ADD COLUMN "first_published_at" timestamp(3) with time zone;
  ALTER TABLE "_verdicts_v" ADD COLUMN "version_first_published_at" timestamp(3) with time zone;
  ALTER TABLE "matchups" ADD COLUMN "first_published_at" timestamp(3) with time zone;
  ALTER TABLE "_matchups_v" ADD COLUMN "version_first_published_at" timestamp(3) with time zone;
  ALTER TABLE "newsletter_issues" ADD COLUMN "first_published_at" timestamp(3) with time zone;
  ALTER TABLE "_newsletter_issues_v" ADD COLUMN "version_first_published_at" timestamp(3) with time zone;
  CREATE INDEX "verdicts_first_published_at_idx" ON "verdicts" USING btree ("first_published_at");
  CREATE INDEX "_verdicts_v_version_version_first_published_at_idx" ON "_verdicts_v" USING btree ("version_first_published_at");
  CREATE INDEX "matchups_first_published_at_idx" ON "matchups" USING btree ("first_published_at");
  CREATE INDEX "_matchups_v_version_version_first_published_at_idx" ON "_matchups_v" USING btree ("version_first_published_at");
  CREATE INDEX "newsletter_issues_first_published_at_idx" ON "newsletter_issues" USING btree ("first_published_at");
  CREATE INDEX "_newsletter_issues_v_version_version_first_published_at_idx" ON "_newsletter_issues_v" USING btree ("version_first_published_at");`)
  // Content published before this migration: its first publication is its first move to
  // "published" in the workflow history (written since the first release).
  await db.execute(sql`
  UPDATE "verdicts" SET "first_published_at" = (
    SELECT min(e."created_at") FROM "workflow_events" e
    JOIN "workflow_events_rels" r ON r."parent_id" = e."id" AND r."path" = 'document'
    WHERE r."verdicts_id" = "verdicts"."id" AND e."to" = 'published'
  ) WHERE "first_published_at" IS NULL;
  UPDATE "_verdicts_v" v SET "version_first_published_at" = d."first_published_at"
    FROM "verdicts" d WHERE d."id" = v."parent_id" AND v."version_first_published_at" IS NULL;
  UPDATE "matchups" SET "first_published_at" = (
    SELECT min(e."created_at") FROM "workflow_events" e
    JOIN "workflow_events_rels" r ON r."parent_id" = e."id" AND r."path" = 'document'
    WHERE r."matchups_id" = "matchups"."id" AND e."to" = 'published'
  ) WHERE "first_published_at" IS NULL;
  UPDATE "_matchups_v" v SET "version_first_published_at" = d."first_published_at"
    FROM "matchups" d WHERE d."id" = v."parent_id" AND v."version_first_published_at" IS NULL;
  UPDATE "newsletter_issues" SET "first_published_at" = (
    SELECT min(e."created_at") FROM "workflow_events" e
    JOIN "workflow_events_rels" r ON r."parent_id" = e."id" AND r."path" = 'document'
    WHERE r."newsletter_issues_id" = "newsletter_issues"."id" AND e."to" = 'published'
  ) WHERE "first_published_at" IS NULL;
  UPDATE "_newsletter_issues_v" v SET "version_first_published_at" = d."first_published_at"
    FROM "newsletter_issues" d WHERE d."id" = v."parent_id" AND v."version_first_published_at" IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "verdicts_first_published_at_idx";
  DROP INDEX "_verdicts_v_version_version_first_published_at_idx";
  DROP INDEX "matchups_first_published_at_idx";
  DROP INDEX "_matchups_v_version_version_first_published_at_idx";
  DROP INDEX "newsletter_issues_first_published_at_idx";
  DROP INDEX "_newsletter_issues_v_version_version_first_published_at_idx";
  ALTER TABLE "verdicts" DROP COLUMN "first_published_at";
  ALTER TABLE "_verdicts_v" DROP COLUMN "version_first_published_at";
  ALTER TABLE "matchups" DROP COLUMN "first_published_at";
  ALTER TABLE "_matchups_v" DROP COLUMN "version_first_published_at";
  ALTER TABLE "newsletter_issues" DROP COLUMN "first_published_at";
  ALTER TABLE "_newsletter_issues_v" DROP COLUMN "version_first_published_at";`)
}
