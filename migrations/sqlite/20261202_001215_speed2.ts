import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`public_pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`version\` text NOT NULL,
  	\`body\` text,
  	\`tags\` text
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`public_pages_key_idx\` ON \`public_pages\` (\`key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`public_pages\`;`)
}
