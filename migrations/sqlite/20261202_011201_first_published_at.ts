import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`verdicts\` ADD \`first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`verdicts_first_published_at_idx\` ON \`verdicts\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_verdicts_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_first_published_at_idx\` ON \`_verdicts_v\` (\`version_first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`matchups\` ADD \`first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`matchups_first_published_at_idx\` ON \`matchups\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_matchups_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_first_published_at_idx\` ON \`_matchups_v\` (\`version_first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`newsletter_issues\` ADD \`first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`newsletter_issues_first_published_at_idx\` ON \`newsletter_issues\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_newsletter_issues_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_version_first_published_at_idx\` ON \`_newsletter_issues_v\` (\`version_first_published_at\`);`)
  // Content published before this migration: its first publication is its first move to
  // "published" in the workflow history (written since the first release).
  await db.run(sql`UPDATE \`verdicts\` SET \`first_published_at\` = (SELECT min(e.\`created_at\`) FROM \`workflow_events\` e JOIN \`workflow_events_rels\` r ON r.\`parent_id\` = e.\`id\` AND r.\`path\` = 'document' WHERE r.\`verdicts_id\` = \`verdicts\`.\`id\` AND e.\`to\` = 'published') WHERE \`first_published_at\` IS NULL;`)
  await db.run(sql`UPDATE \`_verdicts_v\` SET \`version_first_published_at\` = (SELECT d.\`first_published_at\` FROM \`verdicts\` d WHERE d.\`id\` = \`_verdicts_v\`.\`parent_id\`) WHERE \`version_first_published_at\` IS NULL;`)
  await db.run(sql`UPDATE \`matchups\` SET \`first_published_at\` = (SELECT min(e.\`created_at\`) FROM \`workflow_events\` e JOIN \`workflow_events_rels\` r ON r.\`parent_id\` = e.\`id\` AND r.\`path\` = 'document' WHERE r.\`matchups_id\` = \`matchups\`.\`id\` AND e.\`to\` = 'published') WHERE \`first_published_at\` IS NULL;`)
  await db.run(sql`UPDATE \`_matchups_v\` SET \`version_first_published_at\` = (SELECT d.\`first_published_at\` FROM \`matchups\` d WHERE d.\`id\` = \`_matchups_v\`.\`parent_id\`) WHERE \`version_first_published_at\` IS NULL;`)
  await db.run(sql`UPDATE \`newsletter_issues\` SET \`first_published_at\` = (SELECT min(e.\`created_at\`) FROM \`workflow_events\` e JOIN \`workflow_events_rels\` r ON r.\`parent_id\` = e.\`id\` AND r.\`path\` = 'document' WHERE r.\`newsletter_issues_id\` = \`newsletter_issues\`.\`id\` AND e.\`to\` = 'published') WHERE \`first_published_at\` IS NULL;`)
  await db.run(sql`UPDATE \`_newsletter_issues_v\` SET \`version_first_published_at\` = (SELECT d.\`first_published_at\` FROM \`newsletter_issues\` d WHERE d.\`id\` = \`_newsletter_issues_v\`.\`parent_id\`) WHERE \`version_first_published_at\` IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`verdicts_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`verdicts\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`DROP INDEX \`_verdicts_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_verdicts_v\` DROP COLUMN \`version_first_published_at\`;`)
  await db.run(sql`DROP INDEX \`matchups_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`matchups\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`DROP INDEX \`_matchups_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_matchups_v\` DROP COLUMN \`version_first_published_at\`;`)
  await db.run(sql`DROP INDEX \`newsletter_issues_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`newsletter_issues\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`DROP INDEX \`_newsletter_issues_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_newsletter_issues_v\` DROP COLUMN \`version_first_published_at\`;`)
}
