import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`public_pricing_tier_name_createdAt_idx\` ON \`tools\` (\`public\`,\`pricing_tier\`,\`name\`,\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`public_pricing_tier_name_createdAt_idx\`;`)
}
