import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`role\` text DEFAULT 'editor' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`tools\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`tagline\` text,
  	\`category_id\` integer,
  	\`description\` text,
  	\`pricing_tier\` text DEFAULT 'free' NOT NULL,
  	\`pricing_note\` text,
  	\`vendor\` text,
  	\`license\` text,
  	\`website\` text,
  	\`panel_score_ship\` numeric DEFAULT 0,
  	\`panel_score_skip\` numeric DEFAULT 0,
  	\`panel_score_total\` numeric DEFAULT 0,
  	\`panel_score_percent\` numeric,
  	\`panel_score_computed_at\` text,
  	\`community_score_ship\` numeric DEFAULT 0,
  	\`community_score_skip\` numeric DEFAULT 0,
  	\`community_score_total\` numeric DEFAULT 0,
  	\`community_score_percent\` numeric,
  	\`community_score_computed_at\` text,
  	\`public\` integer DEFAULT false,
  	\`source_file\` text,
  	\`source_page_title\` text,
  	\`source_line\` numeric,
  	\`source_printed_panel\` text,
  	\`source_printed_community\` text,
  	\`source_printed_entry\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`tools_name_idx\` ON \`tools\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`tools_slug_idx\` ON \`tools\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`tools_category_idx\` ON \`tools\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`tools_public_idx\` ON \`tools\` (\`public\`);`)
  await db.run(sql`CREATE INDEX \`tools_updated_at_idx\` ON \`tools\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`tools_created_at_idx\` ON \`tools\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`public_name_createdAt_idx\` ON \`tools\` (\`public\`,\`name\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`categories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`source_file\` text,
  	\`source_page_title\` text,
  	\`source_line\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`categories_slug_idx\` ON \`categories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`categories_updated_at_idx\` ON \`categories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`categories_created_at_idx\` ON \`categories\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reviewers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`lens\` text NOT NULL,
  	\`position\` numeric NOT NULL,
  	\`review_every_days\` numeric,
  	\`needs_attention\` integer DEFAULT false,
  	\`source_file\` text,
  	\`source_page_title\` text,
  	\`source_line\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`reviewers_slug_idx\` ON \`reviewers\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`reviewers_position_idx\` ON \`reviewers\` (\`position\`);`)
  await db.run(sql`CREATE INDEX \`reviewers_needs_attention_idx\` ON \`reviewers\` (\`needs_attention\`);`)
  await db.run(sql`CREATE INDEX \`reviewers_updated_at_idx\` ON \`reviewers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reviewers_created_at_idx\` ON \`reviewers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reviewers_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reviewers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviewers_texts_order_parent\` ON \`reviewers_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reviewers_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reviewers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviewers_rels_order_idx\` ON \`reviewers_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reviewers_rels_parent_idx\` ON \`reviewers_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reviewers_rels_path_idx\` ON \`reviewers_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`reviewers_rels_users_id_idx\` ON \`reviewers_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`verdicts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reviewer_id\` integer,
  	\`tool_id\` integer,
  	\`decision\` text,
  	\`decision_inferred\` integer DEFAULT false,
  	\`tool_inferred\` integer DEFAULT false,
  	\`reviewed_at\` text,
  	\`stale\` integer DEFAULT false,
  	\`tool_changed_since_review\` integer DEFAULT false,
  	\`tool_changes\` text,
  	\`quote\` text,
  	\`title\` text,
  	\`workflow_stage\` text DEFAULT 'draft',
  	\`approved_by_id\` integer,
  	\`approved_at\` text,
  	\`approved_fingerprint\` text,
  	\`created_by_id\` integer,
  	\`last_edited_by_id\` integer,
  	\`source_file\` text,
  	\`source_page_title\` text,
  	\`source_line\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`reviewers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`tool_id\`) REFERENCES \`tools\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`verdicts_reviewer_idx\` ON \`verdicts\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_tool_idx\` ON \`verdicts\` (\`tool_id\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_decision_inferred_idx\` ON \`verdicts\` (\`decision_inferred\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_tool_inferred_idx\` ON \`verdicts\` (\`tool_inferred\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_reviewed_at_idx\` ON \`verdicts\` (\`reviewed_at\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_stale_idx\` ON \`verdicts\` (\`stale\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_tool_changed_since_review_idx\` ON \`verdicts\` (\`tool_changed_since_review\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_workflow_stage_idx\` ON \`verdicts\` (\`workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_approved_by_idx\` ON \`verdicts\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_created_by_idx\` ON \`verdicts\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_last_edited_by_idx\` ON \`verdicts\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_updated_at_idx\` ON \`verdicts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`verdicts_created_at_idx\` ON \`verdicts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`verdicts__status_idx\` ON \`verdicts\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`reviewer_tool_idx\` ON \`verdicts\` (\`reviewer_id\`,\`tool_id\`);`)
  await db.run(sql`CREATE INDEX \`tool__status_idx\` ON \`verdicts\` (\`tool_id\`,\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_verdicts_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_reviewer_id\` integer,
  	\`version_tool_id\` integer,
  	\`version_decision\` text,
  	\`version_decision_inferred\` integer DEFAULT false,
  	\`version_tool_inferred\` integer DEFAULT false,
  	\`version_reviewed_at\` text,
  	\`version_stale\` integer DEFAULT false,
  	\`version_tool_changed_since_review\` integer DEFAULT false,
  	\`version_tool_changes\` text,
  	\`version_quote\` text,
  	\`version_title\` text,
  	\`version_workflow_stage\` text DEFAULT 'draft',
  	\`version_approved_by_id\` integer,
  	\`version_approved_at\` text,
  	\`version_approved_fingerprint\` text,
  	\`version_created_by_id\` integer,
  	\`version_last_edited_by_id\` integer,
  	\`version_source_file\` text,
  	\`version_source_page_title\` text,
  	\`version_source_line\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`verdicts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reviewer_id\`) REFERENCES \`reviewers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_tool_id\`) REFERENCES \`tools\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_verdicts_v_parent_idx\` ON \`_verdicts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_reviewer_idx\` ON \`_verdicts_v\` (\`version_reviewer_id\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_tool_idx\` ON \`_verdicts_v\` (\`version_tool_id\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_decision_inferred_idx\` ON \`_verdicts_v\` (\`version_decision_inferred\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_tool_inferred_idx\` ON \`_verdicts_v\` (\`version_tool_inferred\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_reviewed_at_idx\` ON \`_verdicts_v\` (\`version_reviewed_at\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_stale_idx\` ON \`_verdicts_v\` (\`version_stale\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_tool_changed_since_review_idx\` ON \`_verdicts_v\` (\`version_tool_changed_since_review\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_workflow_stage_idx\` ON \`_verdicts_v\` (\`version_workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_approved_by_idx\` ON \`_verdicts_v\` (\`version_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_created_by_idx\` ON \`_verdicts_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_last_edited_by_idx\` ON \`_verdicts_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_updated_at_idx\` ON \`_verdicts_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version_created_at_idx\` ON \`_verdicts_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_version_version__status_idx\` ON \`_verdicts_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_created_at_idx\` ON \`_verdicts_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_updated_at_idx\` ON \`_verdicts_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_verdicts_v_latest_idx\` ON \`_verdicts_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`version_reviewer_version_tool_idx\` ON \`_verdicts_v\` (\`version_reviewer_id\`,\`version_tool_id\`);`)
  await db.run(sql`CREATE INDEX \`version_tool_version__status_idx\` ON \`_verdicts_v\` (\`version_tool_id\`,\`version__status\`);`)
  await db.run(sql`CREATE TABLE \`matchups\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`left_tool_id\` integer,
  	\`right_tool_id\` integer,
  	\`custom_title\` text,
  	\`intro\` text,
  	\`title\` text,
  	\`slug\` text,
  	\`workflow_stage\` text DEFAULT 'draft',
  	\`approved_by_id\` integer,
  	\`approved_at\` text,
  	\`approved_fingerprint\` text,
  	\`created_by_id\` integer,
  	\`last_edited_by_id\` integer,
  	\`source_file\` text,
  	\`source_page_title\` text,
  	\`source_line\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`left_tool_id\`) REFERENCES \`tools\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`right_tool_id\`) REFERENCES \`tools\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`matchups_left_tool_idx\` ON \`matchups\` (\`left_tool_id\`);`)
  await db.run(sql`CREATE INDEX \`matchups_right_tool_idx\` ON \`matchups\` (\`right_tool_id\`);`)
  await db.run(sql`CREATE INDEX \`matchups_title_idx\` ON \`matchups\` (\`title\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`matchups_slug_idx\` ON \`matchups\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`matchups_workflow_stage_idx\` ON \`matchups\` (\`workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`matchups_approved_by_idx\` ON \`matchups\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`matchups_created_by_idx\` ON \`matchups\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`matchups_last_edited_by_idx\` ON \`matchups\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`matchups_updated_at_idx\` ON \`matchups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`matchups_created_at_idx\` ON \`matchups\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`matchups__status_idx\` ON \`matchups\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_title_createdAt_idx\` ON \`matchups\` (\`_status\`,\`title\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`_matchups_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_left_tool_id\` integer,
  	\`version_right_tool_id\` integer,
  	\`version_custom_title\` text,
  	\`version_intro\` text,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_workflow_stage\` text DEFAULT 'draft',
  	\`version_approved_by_id\` integer,
  	\`version_approved_at\` text,
  	\`version_approved_fingerprint\` text,
  	\`version_created_by_id\` integer,
  	\`version_last_edited_by_id\` integer,
  	\`version_source_file\` text,
  	\`version_source_page_title\` text,
  	\`version_source_line\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`matchups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_left_tool_id\`) REFERENCES \`tools\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_right_tool_id\`) REFERENCES \`tools\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_matchups_v_parent_idx\` ON \`_matchups_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_left_tool_idx\` ON \`_matchups_v\` (\`version_left_tool_id\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_right_tool_idx\` ON \`_matchups_v\` (\`version_right_tool_id\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_title_idx\` ON \`_matchups_v\` (\`version_title\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_slug_idx\` ON \`_matchups_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_workflow_stage_idx\` ON \`_matchups_v\` (\`version_workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_approved_by_idx\` ON \`_matchups_v\` (\`version_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_created_by_idx\` ON \`_matchups_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_last_edited_by_idx\` ON \`_matchups_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_updated_at_idx\` ON \`_matchups_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version_created_at_idx\` ON \`_matchups_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_version_version__status_idx\` ON \`_matchups_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_created_at_idx\` ON \`_matchups_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_updated_at_idx\` ON \`_matchups_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_matchups_v_latest_idx\` ON \`_matchups_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_title_version_createdAt_idx\` ON \`_matchups_v\` (\`version__status\`,\`version_title\`,\`version_created_at\`);`)
  await db.run(sql`CREATE TABLE \`releases\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`publish_at\` text,
  	\`unpublish_at\` text,
  	\`status\` text DEFAULT 'scheduled' NOT NULL,
  	\`blockers\` text,
  	\`scheduled_by_id\` integer,
  	\`published_at\` text,
  	\`unpublished_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`scheduled_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`releases_publish_at_idx\` ON \`releases\` (\`publish_at\`);`)
  await db.run(sql`CREATE INDEX \`releases_status_idx\` ON \`releases\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`releases_scheduled_by_idx\` ON \`releases\` (\`scheduled_by_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_updated_at_idx\` ON \`releases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`releases_created_at_idx\` ON \`releases\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`releases_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`matchups_id\` integer,
  	\`verdicts_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`matchups_id\`) REFERENCES \`matchups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`verdicts_id\`) REFERENCES \`verdicts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`releases_rels_order_idx\` ON \`releases_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_parent_idx\` ON \`releases_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_path_idx\` ON \`releases_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_matchups_id_idx\` ON \`releases_rels\` (\`matchups_id\`);`)
  await db.run(sql`CREATE INDEX \`releases_rels_verdicts_id_idx\` ON \`releases_rels\` (\`verdicts_id\`);`)
  await db.run(sql`CREATE TABLE \`votes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tool_id\` integer NOT NULL,
  	\`decision\` text NOT NULL,
  	\`voter_key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tool_id\`) REFERENCES \`tools\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`votes_tool_idx\` ON \`votes\` (\`tool_id\`);`)
  await db.run(sql`CREATE INDEX \`votes_voter_key_idx\` ON \`votes\` (\`voter_key\`);`)
  await db.run(sql`CREATE INDEX \`votes_updated_at_idx\` ON \`votes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`votes_created_at_idx\` ON \`votes\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`tool_voterKey_idx\` ON \`votes\` (\`tool_id\`,\`voter_key\`);`)
  await db.run(sql`CREATE TABLE \`score_history\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tool_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`from_ship\` numeric,
  	\`from_skip\` numeric,
  	\`from_total\` numeric,
  	\`from_percent\` numeric,
  	\`to_ship\` numeric,
  	\`to_skip\` numeric,
  	\`to_total\` numeric,
  	\`to_percent\` numeric,
  	\`action\` text NOT NULL,
  	\`verdict_id\` integer,
  	\`user_id\` integer,
  	\`summary\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tool_id\`) REFERENCES \`tools\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`verdict_id\`) REFERENCES \`verdicts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`score_history_tool_idx\` ON \`score_history\` (\`tool_id\`);`)
  await db.run(sql`CREATE INDEX \`score_history_verdict_idx\` ON \`score_history\` (\`verdict_id\`);`)
  await db.run(sql`CREATE INDEX \`score_history_user_idx\` ON \`score_history\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`score_history_updated_at_idx\` ON \`score_history\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`score_history_created_at_idx\` ON \`score_history\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`workflow_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`action\` text NOT NULL,
  	\`from\` text,
  	\`to\` text NOT NULL,
  	\`comment\` text,
  	\`user_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`workflow_events_user_idx\` ON \`workflow_events\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_updated_at_idx\` ON \`workflow_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_created_at_idx\` ON \`workflow_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`workflow_events_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`verdicts_id\` integer,
  	\`matchups_id\` integer,
  	\`newsletter_issues_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`workflow_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`verdicts_id\`) REFERENCES \`verdicts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`matchups_id\`) REFERENCES \`matchups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsletter_issues_id\`) REFERENCES \`newsletter_issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`workflow_events_rels_order_idx\` ON \`workflow_events_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_rels_parent_idx\` ON \`workflow_events_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_rels_path_idx\` ON \`workflow_events_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_rels_verdicts_id_idx\` ON \`workflow_events_rels\` (\`verdicts_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_rels_matchups_id_idx\` ON \`workflow_events_rels\` (\`matchups_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_rels_newsletter_issues_id_idx\` ON \`workflow_events_rels\` (\`newsletter_issues_id\`);`)
  await db.run(sql`CREATE TABLE \`webhook_subscriptions_events\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhook_subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_subscriptions_events_order_idx\` ON \`webhook_subscriptions_events\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`webhook_subscriptions_events_parent_idx\` ON \`webhook_subscriptions_events\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`webhook_subscriptions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`url\` text NOT NULL,
  	\`secret\` text NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_subscriptions_updated_at_idx\` ON \`webhook_subscriptions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_subscriptions_created_at_idx\` ON \`webhook_subscriptions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`subscription_id\` integer,
  	\`url\` text,
  	\`event_id\` text,
  	\`event_type\` text,
  	\`attempt\` numeric,
  	\`outcome\` text,
  	\`response_status\` numeric,
  	\`error\` text,
  	\`duration_ms\` numeric,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subscription_id\`) REFERENCES \`webhook_subscriptions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_subscription_idx\` ON \`webhook_deliveries\` (\`subscription_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_event_id_idx\` ON \`webhook_deliveries\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`subscribers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`source_page\` text,
  	\`requested_at\` text,
  	\`confirmation_sent_at\` text,
  	\`confirmation_id\` text,
  	\`consent_confirmed_at\` text,
  	\`consent_confirmation\` text,
  	\`consent_page\` text,
  	\`unsubscribed_at\` text,
  	\`suppressed_at\` text,
  	\`suppression_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`subscribers_email_idx\` ON \`subscribers\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_status_idx\` ON \`subscribers\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_updated_at_idx\` ON \`subscribers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_created_at_idx\` ON \`subscribers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`newsletter_issues_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'note',
  	\`title\` text,
  	\`text\` text,
  	\`url\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`newsletter_issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`newsletter_issues_items_order_idx\` ON \`newsletter_issues_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_issues_items_parent_id_idx\` ON \`newsletter_issues_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`newsletter_issues\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`intro\` text,
  	\`period_start\` text,
  	\`period_end\` text,
  	\`delivery_status\` text DEFAULT 'not_sent',
  	\`recipients\` numeric,
  	\`send_started_at\` text,
  	\`sent_at\` text,
  	\`workflow_stage\` text DEFAULT 'draft',
  	\`approved_by_id\` integer,
  	\`approved_at\` text,
  	\`approved_fingerprint\` text,
  	\`created_by_id\` integer,
  	\`last_edited_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`newsletter_issues_workflow_stage_idx\` ON \`newsletter_issues\` (\`workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_issues_approved_by_idx\` ON \`newsletter_issues\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_issues_created_by_idx\` ON \`newsletter_issues\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_issues_last_edited_by_idx\` ON \`newsletter_issues\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_issues_updated_at_idx\` ON \`newsletter_issues\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_issues_created_at_idx\` ON \`newsletter_issues\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_issues__status_idx\` ON \`newsletter_issues\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_newsletter_issues_v_version_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'note',
  	\`title\` text,
  	\`text\` text,
  	\`url\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_newsletter_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_items_order_idx\` ON \`_newsletter_issues_v_version_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_items_parent_id_idx\` ON \`_newsletter_issues_v_version_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_newsletter_issues_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_intro\` text,
  	\`version_period_start\` text,
  	\`version_period_end\` text,
  	\`version_delivery_status\` text DEFAULT 'not_sent',
  	\`version_recipients\` numeric,
  	\`version_send_started_at\` text,
  	\`version_sent_at\` text,
  	\`version_workflow_stage\` text DEFAULT 'draft',
  	\`version_approved_by_id\` integer,
  	\`version_approved_at\` text,
  	\`version_approved_fingerprint\` text,
  	\`version_created_by_id\` integer,
  	\`version_last_edited_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`newsletter_issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_parent_idx\` ON \`_newsletter_issues_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_version_workflow_stage_idx\` ON \`_newsletter_issues_v\` (\`version_workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_version_approved_by_idx\` ON \`_newsletter_issues_v\` (\`version_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_version_created_by_idx\` ON \`_newsletter_issues_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_version_last_edited_by_idx\` ON \`_newsletter_issues_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_version_updated_at_idx\` ON \`_newsletter_issues_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_version_created_at_idx\` ON \`_newsletter_issues_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_version_version__status_idx\` ON \`_newsletter_issues_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_created_at_idx\` ON \`_newsletter_issues_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_updated_at_idx\` ON \`_newsletter_issues_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_newsletter_issues_v_latest_idx\` ON \`_newsletter_issues_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`newsletter_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`issue_id\` integer NOT NULL,
  	\`subscriber_id\` integer NOT NULL,
  	\`status\` text NOT NULL,
  	\`sent_at\` text,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`newsletter_issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`subscriber_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`newsletter_deliveries_key_idx\` ON \`newsletter_deliveries\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_deliveries_issue_idx\` ON \`newsletter_deliveries\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_deliveries_subscriber_idx\` ON \`newsletter_deliveries\` (\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_deliveries_status_idx\` ON \`newsletter_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_deliveries_updated_at_idx\` ON \`newsletter_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_deliveries_created_at_idx\` ON \`newsletter_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`tools_id\` integer,
  	\`categories_id\` integer,
  	\`reviewers_id\` integer,
  	\`verdicts_id\` integer,
  	\`matchups_id\` integer,
  	\`releases_id\` integer,
  	\`votes_id\` integer,
  	\`score_history_id\` integer,
  	\`workflow_events_id\` integer,
  	\`webhook_subscriptions_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`subscribers_id\` integer,
  	\`newsletter_issues_id\` integer,
  	\`newsletter_deliveries_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tools_id\`) REFERENCES \`tools\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reviewers_id\`) REFERENCES \`reviewers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`verdicts_id\`) REFERENCES \`verdicts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`matchups_id\`) REFERENCES \`matchups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`releases_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`votes_id\`) REFERENCES \`votes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`score_history_id\`) REFERENCES \`score_history\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workflow_events_id\`) REFERENCES \`workflow_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_subscriptions_id\`) REFERENCES \`webhook_subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsletter_issues_id\`) REFERENCES \`newsletter_issues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsletter_deliveries_id\`) REFERENCES \`newsletter_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tools_id_idx\` ON \`payload_locked_documents_rels\` (\`tools_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reviewers_id_idx\` ON \`payload_locked_documents_rels\` (\`reviewers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_verdicts_id_idx\` ON \`payload_locked_documents_rels\` (\`verdicts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_matchups_id_idx\` ON \`payload_locked_documents_rels\` (\`matchups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_releases_id_idx\` ON \`payload_locked_documents_rels\` (\`releases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_votes_id_idx\` ON \`payload_locked_documents_rels\` (\`votes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_score_history_id_idx\` ON \`payload_locked_documents_rels\` (\`score_history_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_subscriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_subscriptions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsletter_issues_id_idx\` ON \`payload_locked_documents_rels\` (\`newsletter_issues_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsletter_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`newsletter_deliveries_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`tools\`;`)
  await db.run(sql`DROP TABLE \`categories\`;`)
  await db.run(sql`DROP TABLE \`reviewers\`;`)
  await db.run(sql`DROP TABLE \`reviewers_texts\`;`)
  await db.run(sql`DROP TABLE \`reviewers_rels\`;`)
  await db.run(sql`DROP TABLE \`verdicts\`;`)
  await db.run(sql`DROP TABLE \`_verdicts_v\`;`)
  await db.run(sql`DROP TABLE \`matchups\`;`)
  await db.run(sql`DROP TABLE \`_matchups_v\`;`)
  await db.run(sql`DROP TABLE \`releases\`;`)
  await db.run(sql`DROP TABLE \`releases_rels\`;`)
  await db.run(sql`DROP TABLE \`votes\`;`)
  await db.run(sql`DROP TABLE \`score_history\`;`)
  await db.run(sql`DROP TABLE \`workflow_events\`;`)
  await db.run(sql`DROP TABLE \`workflow_events_rels\`;`)
  await db.run(sql`DROP TABLE \`webhook_subscriptions_events\`;`)
  await db.run(sql`DROP TABLE \`webhook_subscriptions\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`subscribers\`;`)
  await db.run(sql`DROP TABLE \`newsletter_issues_items\`;`)
  await db.run(sql`DROP TABLE \`newsletter_issues\`;`)
  await db.run(sql`DROP TABLE \`_newsletter_issues_v_version_items\`;`)
  await db.run(sql`DROP TABLE \`_newsletter_issues_v\`;`)
  await db.run(sql`DROP TABLE \`newsletter_deliveries\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
