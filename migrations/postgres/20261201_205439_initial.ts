import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'editor', 'reviewer');
  CREATE TYPE "public"."enum_tools_pricing_tier" AS ENUM('free', 'freemium', 'paid', 'enterprise');
  CREATE TYPE "public"."enum_verdicts_decision" AS ENUM('ship', 'skip');
  CREATE TYPE "public"."enum_verdicts_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');
  CREATE TYPE "public"."enum_verdicts_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__verdicts_v_version_decision" AS ENUM('ship', 'skip');
  CREATE TYPE "public"."enum__verdicts_v_version_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');
  CREATE TYPE "public"."enum__verdicts_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_matchups_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');
  CREATE TYPE "public"."enum_matchups_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__matchups_v_version_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');
  CREATE TYPE "public"."enum__matchups_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_releases_status" AS ENUM('scheduled', 'published', 'blocked', 'cancelled');
  CREATE TYPE "public"."enum_votes_decision" AS ENUM('ship', 'skip');
  CREATE TYPE "public"."enum_score_history_kind" AS ENUM('panel', 'community');
  CREATE TYPE "public"."enum_score_history_action" AS ENUM('publish', 'unpublish', 'edit', 'move', 'delete', 'persona-deleted', 'vote', 'reconcile');
  CREATE TYPE "public"."enum_workflow_events_action" AS ENUM('create', 'submit', 'approve', 'request_changes', 'publish', 'unpublish', 'edit', 'import', 'stale', 'tool_changed');
  CREATE TYPE "public"."enum_workflow_events_from" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');
  CREATE TYPE "public"."enum_workflow_events_to" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');
  CREATE TYPE "public"."enum_webhook_subscriptions_events" AS ENUM('verdict', 'matchup', 'tool', 'persona', 'category');
  CREATE TYPE "public"."enum_webhook_deliveries_outcome" AS ENUM('delivered', 'failed', 'gave-up');
  CREATE TYPE "public"."enum_subscribers_status" AS ENUM('pending', 'confirmed', 'unsubscribed', 'bounced', 'complained');
  CREATE TYPE "public"."enum_newsletter_issues_items_kind" AS ENUM('matchup', 'score', 'note');
  CREATE TYPE "public"."enum_newsletter_issues_delivery_status" AS ENUM('not_sent', 'sending', 'sent');
  CREATE TYPE "public"."enum_newsletter_issues_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');
  CREATE TYPE "public"."enum_newsletter_issues_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__newsletter_issues_v_version_items_kind" AS ENUM('matchup', 'score', 'note');
  CREATE TYPE "public"."enum__newsletter_issues_v_version_delivery_status" AS ENUM('not_sent', 'sending', 'sent');
  CREATE TYPE "public"."enum__newsletter_issues_v_version_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');
  CREATE TYPE "public"."enum__newsletter_issues_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_newsletter_deliveries_status" AS ENUM('sending', 'sent', 'failed');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'verdictsDeliverWebhook', 'verdictsComposeNewsletter', 'verdictsSendNewsletter', 'verdictsMarkStaleVerdicts', 'verdictsRunDueReleases');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'verdictsDeliverWebhook', 'verdictsComposeNewsletter', 'verdictsSendNewsletter', 'verdictsMarkStaleVerdicts', 'verdictsRunDueReleases');
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" "enum_users_role" DEFAULT 'editor' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "tools" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"tagline" varchar,
  	"category_id" integer,
  	"description" jsonb,
  	"pricing_tier" "enum_tools_pricing_tier" DEFAULT 'free' NOT NULL,
  	"pricing_note" varchar,
  	"vendor" varchar,
  	"license" varchar,
  	"website" varchar,
  	"panel_score_ship" numeric DEFAULT 0,
  	"panel_score_skip" numeric DEFAULT 0,
  	"panel_score_total" numeric DEFAULT 0,
  	"panel_score_percent" numeric,
  	"panel_score_computed_at" timestamp(3) with time zone,
  	"community_score_ship" numeric DEFAULT 0,
  	"community_score_skip" numeric DEFAULT 0,
  	"community_score_total" numeric DEFAULT 0,
  	"community_score_percent" numeric,
  	"community_score_computed_at" timestamp(3) with time zone,
  	"public" boolean DEFAULT false,
  	"source_file" varchar,
  	"source_page_title" varchar,
  	"source_line" numeric,
  	"source_printed_panel" varchar,
  	"source_printed_community" varchar,
  	"source_printed_entry" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"source_file" varchar,
  	"source_page_title" varchar,
  	"source_line" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reviewers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"lens" varchar NOT NULL,
  	"position" numeric NOT NULL,
  	"review_every_days" numeric,
  	"needs_attention" boolean DEFAULT false,
  	"source_file" varchar,
  	"source_page_title" varchar,
  	"source_line" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reviewers_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "reviewers_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "verdicts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reviewer_id" integer,
  	"tool_id" integer,
  	"decision" "enum_verdicts_decision",
  	"decision_inferred" boolean DEFAULT false,
  	"tool_inferred" boolean DEFAULT false,
  	"reviewed_at" timestamp(3) with time zone,
  	"stale" boolean DEFAULT false,
  	"tool_changed_since_review" boolean DEFAULT false,
  	"tool_changes" jsonb,
  	"quote" jsonb,
  	"title" varchar,
  	"workflow_stage" "enum_verdicts_workflow_stage" DEFAULT 'draft',
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"approved_fingerprint" varchar,
  	"created_by_id" integer,
  	"last_edited_by_id" integer,
  	"source_file" varchar,
  	"source_page_title" varchar,
  	"source_line" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_verdicts_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_verdicts_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_reviewer_id" integer,
  	"version_tool_id" integer,
  	"version_decision" "enum__verdicts_v_version_decision",
  	"version_decision_inferred" boolean DEFAULT false,
  	"version_tool_inferred" boolean DEFAULT false,
  	"version_reviewed_at" timestamp(3) with time zone,
  	"version_stale" boolean DEFAULT false,
  	"version_tool_changed_since_review" boolean DEFAULT false,
  	"version_tool_changes" jsonb,
  	"version_quote" jsonb,
  	"version_title" varchar,
  	"version_workflow_stage" "enum__verdicts_v_version_workflow_stage" DEFAULT 'draft',
  	"version_approved_by_id" integer,
  	"version_approved_at" timestamp(3) with time zone,
  	"version_approved_fingerprint" varchar,
  	"version_created_by_id" integer,
  	"version_last_edited_by_id" integer,
  	"version_source_file" varchar,
  	"version_source_page_title" varchar,
  	"version_source_line" numeric,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__verdicts_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "matchups" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"left_tool_id" integer,
  	"right_tool_id" integer,
  	"custom_title" varchar,
  	"intro" jsonb,
  	"title" varchar,
  	"slug" varchar,
  	"workflow_stage" "enum_matchups_workflow_stage" DEFAULT 'draft',
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"approved_fingerprint" varchar,
  	"created_by_id" integer,
  	"last_edited_by_id" integer,
  	"source_file" varchar,
  	"source_page_title" varchar,
  	"source_line" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_matchups_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_matchups_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_left_tool_id" integer,
  	"version_right_tool_id" integer,
  	"version_custom_title" varchar,
  	"version_intro" jsonb,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_workflow_stage" "enum__matchups_v_version_workflow_stage" DEFAULT 'draft',
  	"version_approved_by_id" integer,
  	"version_approved_at" timestamp(3) with time zone,
  	"version_approved_fingerprint" varchar,
  	"version_created_by_id" integer,
  	"version_last_edited_by_id" integer,
  	"version_source_file" varchar,
  	"version_source_page_title" varchar,
  	"version_source_line" numeric,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__matchups_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "releases" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"publish_at" timestamp(3) with time zone,
  	"unpublish_at" timestamp(3) with time zone,
  	"status" "enum_releases_status" DEFAULT 'scheduled' NOT NULL,
  	"blockers" jsonb,
  	"scheduled_by_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"unpublished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "releases_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"matchups_id" integer,
  	"verdicts_id" integer
  );
  
  CREATE TABLE "votes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tool_id" integer NOT NULL,
  	"decision" "enum_votes_decision" NOT NULL,
  	"voter_key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "score_history" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tool_id" integer NOT NULL,
  	"kind" "enum_score_history_kind" NOT NULL,
  	"from_ship" numeric,
  	"from_skip" numeric,
  	"from_total" numeric,
  	"from_percent" numeric,
  	"to_ship" numeric,
  	"to_skip" numeric,
  	"to_total" numeric,
  	"to_percent" numeric,
  	"action" "enum_score_history_action" NOT NULL,
  	"verdict_id" integer,
  	"user_id" integer,
  	"summary" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "workflow_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"action" "enum_workflow_events_action" NOT NULL,
  	"from" "enum_workflow_events_from",
  	"to" "enum_workflow_events_to" NOT NULL,
  	"comment" varchar,
  	"user_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "workflow_events_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"verdicts_id" integer,
  	"matchups_id" integer,
  	"newsletter_issues_id" integer
  );
  
  CREATE TABLE "webhook_subscriptions_events" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_webhook_subscriptions_events",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "webhook_subscriptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"url" varchar NOT NULL,
  	"secret" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"subscription_id" integer,
  	"url" varchar,
  	"event_id" varchar,
  	"event_type" varchar,
  	"attempt" numeric,
  	"outcome" "enum_webhook_deliveries_outcome",
  	"response_status" numeric,
  	"error" varchar,
  	"duration_ms" numeric,
  	"body" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subscribers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"status" "enum_subscribers_status" DEFAULT 'pending' NOT NULL,
  	"source_page" varchar,
  	"requested_at" timestamp(3) with time zone,
  	"confirmation_sent_at" timestamp(3) with time zone,
  	"confirmation_id" varchar,
  	"consent_confirmed_at" timestamp(3) with time zone,
  	"consent_confirmation" varchar,
  	"consent_page" varchar,
  	"unsubscribed_at" timestamp(3) with time zone,
  	"suppressed_at" timestamp(3) with time zone,
  	"suppression_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "newsletter_issues_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_newsletter_issues_items_kind" DEFAULT 'note',
  	"title" varchar,
  	"text" varchar,
  	"url" varchar
  );
  
  CREATE TABLE "newsletter_issues" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"intro" varchar,
  	"period_start" timestamp(3) with time zone,
  	"period_end" timestamp(3) with time zone,
  	"delivery_status" "enum_newsletter_issues_delivery_status" DEFAULT 'not_sent',
  	"recipients" numeric,
  	"send_started_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"workflow_stage" "enum_newsletter_issues_workflow_stage" DEFAULT 'draft',
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"approved_fingerprint" varchar,
  	"created_by_id" integer,
  	"last_edited_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_newsletter_issues_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_newsletter_issues_v_version_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum__newsletter_issues_v_version_items_kind" DEFAULT 'note',
  	"title" varchar,
  	"text" varchar,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_newsletter_issues_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_intro" varchar,
  	"version_period_start" timestamp(3) with time zone,
  	"version_period_end" timestamp(3) with time zone,
  	"version_delivery_status" "enum__newsletter_issues_v_version_delivery_status" DEFAULT 'not_sent',
  	"version_recipients" numeric,
  	"version_send_started_at" timestamp(3) with time zone,
  	"version_sent_at" timestamp(3) with time zone,
  	"version_workflow_stage" "enum__newsletter_issues_v_version_workflow_stage" DEFAULT 'draft',
  	"version_approved_by_id" integer,
  	"version_approved_at" timestamp(3) with time zone,
  	"version_approved_fingerprint" varchar,
  	"version_created_by_id" integer,
  	"version_last_edited_by_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__newsletter_issues_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "newsletter_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"issue_id" integer NOT NULL,
  	"subscriber_id" integer NOT NULL,
  	"status" "enum_newsletter_deliveries_status" NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"tools_id" integer,
  	"categories_id" integer,
  	"reviewers_id" integer,
  	"verdicts_id" integer,
  	"matchups_id" integer,
  	"releases_id" integer,
  	"votes_id" integer,
  	"score_history_id" integer,
  	"workflow_events_id" integer,
  	"webhook_subscriptions_id" integer,
  	"webhook_deliveries_id" integer,
  	"subscribers_id" integer,
  	"newsletter_issues_id" integer,
  	"newsletter_deliveries_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tools" ADD CONSTRAINT "tools_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviewers_texts" ADD CONSTRAINT "reviewers_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reviewers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviewers_rels" ADD CONSTRAINT "reviewers_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reviewers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviewers_rels" ADD CONSTRAINT "reviewers_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_reviewer_id_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_verdicts_v" ADD CONSTRAINT "_verdicts_v_parent_id_verdicts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."verdicts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_verdicts_v" ADD CONSTRAINT "_verdicts_v_version_reviewer_id_reviewers_id_fk" FOREIGN KEY ("version_reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_verdicts_v" ADD CONSTRAINT "_verdicts_v_version_tool_id_tools_id_fk" FOREIGN KEY ("version_tool_id") REFERENCES "public"."tools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_verdicts_v" ADD CONSTRAINT "_verdicts_v_version_approved_by_id_users_id_fk" FOREIGN KEY ("version_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_verdicts_v" ADD CONSTRAINT "_verdicts_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_verdicts_v" ADD CONSTRAINT "_verdicts_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "matchups" ADD CONSTRAINT "matchups_left_tool_id_tools_id_fk" FOREIGN KEY ("left_tool_id") REFERENCES "public"."tools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "matchups" ADD CONSTRAINT "matchups_right_tool_id_tools_id_fk" FOREIGN KEY ("right_tool_id") REFERENCES "public"."tools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "matchups" ADD CONSTRAINT "matchups_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "matchups" ADD CONSTRAINT "matchups_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "matchups" ADD CONSTRAINT "matchups_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_matchups_v" ADD CONSTRAINT "_matchups_v_parent_id_matchups_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."matchups"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_matchups_v" ADD CONSTRAINT "_matchups_v_version_left_tool_id_tools_id_fk" FOREIGN KEY ("version_left_tool_id") REFERENCES "public"."tools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_matchups_v" ADD CONSTRAINT "_matchups_v_version_right_tool_id_tools_id_fk" FOREIGN KEY ("version_right_tool_id") REFERENCES "public"."tools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_matchups_v" ADD CONSTRAINT "_matchups_v_version_approved_by_id_users_id_fk" FOREIGN KEY ("version_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_matchups_v" ADD CONSTRAINT "_matchups_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_matchups_v" ADD CONSTRAINT "_matchups_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_scheduled_by_id_users_id_fk" FOREIGN KEY ("scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_matchups_fk" FOREIGN KEY ("matchups_id") REFERENCES "public"."matchups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_verdicts_fk" FOREIGN KEY ("verdicts_id") REFERENCES "public"."verdicts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "votes" ADD CONSTRAINT "votes_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "score_history" ADD CONSTRAINT "score_history_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "score_history" ADD CONSTRAINT "score_history_verdict_id_verdicts_id_fk" FOREIGN KEY ("verdict_id") REFERENCES "public"."verdicts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "score_history" ADD CONSTRAINT "score_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_verdicts_fk" FOREIGN KEY ("verdicts_id") REFERENCES "public"."verdicts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_matchups_fk" FOREIGN KEY ("matchups_id") REFERENCES "public"."matchups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_newsletter_issues_fk" FOREIGN KEY ("newsletter_issues_id") REFERENCES "public"."newsletter_issues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhook_subscriptions_events" ADD CONSTRAINT "webhook_subscriptions_events_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "newsletter_issues_items" ADD CONSTRAINT "newsletter_issues_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."newsletter_issues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "newsletter_issues" ADD CONSTRAINT "newsletter_issues_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "newsletter_issues" ADD CONSTRAINT "newsletter_issues_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "newsletter_issues" ADD CONSTRAINT "newsletter_issues_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_newsletter_issues_v_version_items" ADD CONSTRAINT "_newsletter_issues_v_version_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_newsletter_issues_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_newsletter_issues_v" ADD CONSTRAINT "_newsletter_issues_v_parent_id_newsletter_issues_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."newsletter_issues"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_newsletter_issues_v" ADD CONSTRAINT "_newsletter_issues_v_version_approved_by_id_users_id_fk" FOREIGN KEY ("version_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_newsletter_issues_v" ADD CONSTRAINT "_newsletter_issues_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_newsletter_issues_v" ADD CONSTRAINT "_newsletter_issues_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_issue_id_newsletter_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."newsletter_issues"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tools_fk" FOREIGN KEY ("tools_id") REFERENCES "public"."tools"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reviewers_fk" FOREIGN KEY ("reviewers_id") REFERENCES "public"."reviewers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_verdicts_fk" FOREIGN KEY ("verdicts_id") REFERENCES "public"."verdicts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_matchups_fk" FOREIGN KEY ("matchups_id") REFERENCES "public"."matchups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_releases_fk" FOREIGN KEY ("releases_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_votes_fk" FOREIGN KEY ("votes_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_score_history_fk" FOREIGN KEY ("score_history_id") REFERENCES "public"."score_history"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_events_fk" FOREIGN KEY ("workflow_events_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_subscriptions_fk" FOREIGN KEY ("webhook_subscriptions_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_deliveries_fk" FOREIGN KEY ("webhook_deliveries_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscribers_fk" FOREIGN KEY ("subscribers_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsletter_issues_fk" FOREIGN KEY ("newsletter_issues_id") REFERENCES "public"."newsletter_issues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsletter_deliveries_fk" FOREIGN KEY ("newsletter_deliveries_id") REFERENCES "public"."newsletter_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "tools_name_idx" ON "tools" USING btree ("name");
  CREATE UNIQUE INDEX "tools_slug_idx" ON "tools" USING btree ("slug");
  CREATE INDEX "tools_category_idx" ON "tools" USING btree ("category_id");
  CREATE INDEX "tools_public_idx" ON "tools" USING btree ("public");
  CREATE INDEX "tools_updated_at_idx" ON "tools" USING btree ("updated_at");
  CREATE INDEX "tools_created_at_idx" ON "tools" USING btree ("created_at");
  CREATE INDEX "public_name_createdAt_idx" ON "tools" USING btree ("public","name","created_at");
  CREATE UNIQUE INDEX "categories_slug_idx" ON "categories" USING btree ("slug");
  CREATE INDEX "categories_updated_at_idx" ON "categories" USING btree ("updated_at");
  CREATE INDEX "categories_created_at_idx" ON "categories" USING btree ("created_at");
  CREATE UNIQUE INDEX "reviewers_slug_idx" ON "reviewers" USING btree ("slug");
  CREATE INDEX "reviewers_position_idx" ON "reviewers" USING btree ("position");
  CREATE INDEX "reviewers_needs_attention_idx" ON "reviewers" USING btree ("needs_attention");
  CREATE INDEX "reviewers_updated_at_idx" ON "reviewers" USING btree ("updated_at");
  CREATE INDEX "reviewers_created_at_idx" ON "reviewers" USING btree ("created_at");
  CREATE INDEX "reviewers_texts_order_parent" ON "reviewers_texts" USING btree ("order","parent_id");
  CREATE INDEX "reviewers_rels_order_idx" ON "reviewers_rels" USING btree ("order");
  CREATE INDEX "reviewers_rels_parent_idx" ON "reviewers_rels" USING btree ("parent_id");
  CREATE INDEX "reviewers_rels_path_idx" ON "reviewers_rels" USING btree ("path");
  CREATE INDEX "reviewers_rels_users_id_idx" ON "reviewers_rels" USING btree ("users_id");
  CREATE INDEX "verdicts_reviewer_idx" ON "verdicts" USING btree ("reviewer_id");
  CREATE INDEX "verdicts_tool_idx" ON "verdicts" USING btree ("tool_id");
  CREATE INDEX "verdicts_decision_inferred_idx" ON "verdicts" USING btree ("decision_inferred");
  CREATE INDEX "verdicts_tool_inferred_idx" ON "verdicts" USING btree ("tool_inferred");
  CREATE INDEX "verdicts_reviewed_at_idx" ON "verdicts" USING btree ("reviewed_at");
  CREATE INDEX "verdicts_stale_idx" ON "verdicts" USING btree ("stale");
  CREATE INDEX "verdicts_tool_changed_since_review_idx" ON "verdicts" USING btree ("tool_changed_since_review");
  CREATE INDEX "verdicts_workflow_stage_idx" ON "verdicts" USING btree ("workflow_stage");
  CREATE INDEX "verdicts_approved_by_idx" ON "verdicts" USING btree ("approved_by_id");
  CREATE INDEX "verdicts_created_by_idx" ON "verdicts" USING btree ("created_by_id");
  CREATE INDEX "verdicts_last_edited_by_idx" ON "verdicts" USING btree ("last_edited_by_id");
  CREATE INDEX "verdicts_updated_at_idx" ON "verdicts" USING btree ("updated_at");
  CREATE INDEX "verdicts_created_at_idx" ON "verdicts" USING btree ("created_at");
  CREATE INDEX "verdicts__status_idx" ON "verdicts" USING btree ("_status");
  CREATE UNIQUE INDEX "reviewer_tool_idx" ON "verdicts" USING btree ("reviewer_id","tool_id");
  CREATE INDEX "tool__status_idx" ON "verdicts" USING btree ("tool_id","_status");
  CREATE INDEX "_verdicts_v_parent_idx" ON "_verdicts_v" USING btree ("parent_id");
  CREATE INDEX "_verdicts_v_version_version_reviewer_idx" ON "_verdicts_v" USING btree ("version_reviewer_id");
  CREATE INDEX "_verdicts_v_version_version_tool_idx" ON "_verdicts_v" USING btree ("version_tool_id");
  CREATE INDEX "_verdicts_v_version_version_decision_inferred_idx" ON "_verdicts_v" USING btree ("version_decision_inferred");
  CREATE INDEX "_verdicts_v_version_version_tool_inferred_idx" ON "_verdicts_v" USING btree ("version_tool_inferred");
  CREATE INDEX "_verdicts_v_version_version_reviewed_at_idx" ON "_verdicts_v" USING btree ("version_reviewed_at");
  CREATE INDEX "_verdicts_v_version_version_stale_idx" ON "_verdicts_v" USING btree ("version_stale");
  CREATE INDEX "_verdicts_v_version_version_tool_changed_since_review_idx" ON "_verdicts_v" USING btree ("version_tool_changed_since_review");
  CREATE INDEX "_verdicts_v_version_version_workflow_stage_idx" ON "_verdicts_v" USING btree ("version_workflow_stage");
  CREATE INDEX "_verdicts_v_version_version_approved_by_idx" ON "_verdicts_v" USING btree ("version_approved_by_id");
  CREATE INDEX "_verdicts_v_version_version_created_by_idx" ON "_verdicts_v" USING btree ("version_created_by_id");
  CREATE INDEX "_verdicts_v_version_version_last_edited_by_idx" ON "_verdicts_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_verdicts_v_version_version_updated_at_idx" ON "_verdicts_v" USING btree ("version_updated_at");
  CREATE INDEX "_verdicts_v_version_version_created_at_idx" ON "_verdicts_v" USING btree ("version_created_at");
  CREATE INDEX "_verdicts_v_version_version__status_idx" ON "_verdicts_v" USING btree ("version__status");
  CREATE INDEX "_verdicts_v_created_at_idx" ON "_verdicts_v" USING btree ("created_at");
  CREATE INDEX "_verdicts_v_updated_at_idx" ON "_verdicts_v" USING btree ("updated_at");
  CREATE INDEX "_verdicts_v_latest_idx" ON "_verdicts_v" USING btree ("latest");
  CREATE INDEX "version_reviewer_version_tool_idx" ON "_verdicts_v" USING btree ("version_reviewer_id","version_tool_id");
  CREATE INDEX "version_tool_version__status_idx" ON "_verdicts_v" USING btree ("version_tool_id","version__status");
  CREATE INDEX "matchups_left_tool_idx" ON "matchups" USING btree ("left_tool_id");
  CREATE INDEX "matchups_right_tool_idx" ON "matchups" USING btree ("right_tool_id");
  CREATE INDEX "matchups_title_idx" ON "matchups" USING btree ("title");
  CREATE UNIQUE INDEX "matchups_slug_idx" ON "matchups" USING btree ("slug");
  CREATE INDEX "matchups_workflow_stage_idx" ON "matchups" USING btree ("workflow_stage");
  CREATE INDEX "matchups_approved_by_idx" ON "matchups" USING btree ("approved_by_id");
  CREATE INDEX "matchups_created_by_idx" ON "matchups" USING btree ("created_by_id");
  CREATE INDEX "matchups_last_edited_by_idx" ON "matchups" USING btree ("last_edited_by_id");
  CREATE INDEX "matchups_updated_at_idx" ON "matchups" USING btree ("updated_at");
  CREATE INDEX "matchups_created_at_idx" ON "matchups" USING btree ("created_at");
  CREATE INDEX "matchups__status_idx" ON "matchups" USING btree ("_status");
  CREATE INDEX "_status_title_createdAt_idx" ON "matchups" USING btree ("_status","title","created_at");
  CREATE INDEX "_matchups_v_parent_idx" ON "_matchups_v" USING btree ("parent_id");
  CREATE INDEX "_matchups_v_version_version_left_tool_idx" ON "_matchups_v" USING btree ("version_left_tool_id");
  CREATE INDEX "_matchups_v_version_version_right_tool_idx" ON "_matchups_v" USING btree ("version_right_tool_id");
  CREATE INDEX "_matchups_v_version_version_title_idx" ON "_matchups_v" USING btree ("version_title");
  CREATE INDEX "_matchups_v_version_version_slug_idx" ON "_matchups_v" USING btree ("version_slug");
  CREATE INDEX "_matchups_v_version_version_workflow_stage_idx" ON "_matchups_v" USING btree ("version_workflow_stage");
  CREATE INDEX "_matchups_v_version_version_approved_by_idx" ON "_matchups_v" USING btree ("version_approved_by_id");
  CREATE INDEX "_matchups_v_version_version_created_by_idx" ON "_matchups_v" USING btree ("version_created_by_id");
  CREATE INDEX "_matchups_v_version_version_last_edited_by_idx" ON "_matchups_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_matchups_v_version_version_updated_at_idx" ON "_matchups_v" USING btree ("version_updated_at");
  CREATE INDEX "_matchups_v_version_version_created_at_idx" ON "_matchups_v" USING btree ("version_created_at");
  CREATE INDEX "_matchups_v_version_version__status_idx" ON "_matchups_v" USING btree ("version__status");
  CREATE INDEX "_matchups_v_created_at_idx" ON "_matchups_v" USING btree ("created_at");
  CREATE INDEX "_matchups_v_updated_at_idx" ON "_matchups_v" USING btree ("updated_at");
  CREATE INDEX "_matchups_v_latest_idx" ON "_matchups_v" USING btree ("latest");
  CREATE INDEX "version__status_version_title_version_createdAt_idx" ON "_matchups_v" USING btree ("version__status","version_title","version_created_at");
  CREATE INDEX "releases_publish_at_idx" ON "releases" USING btree ("publish_at");
  CREATE INDEX "releases_status_idx" ON "releases" USING btree ("status");
  CREATE INDEX "releases_scheduled_by_idx" ON "releases" USING btree ("scheduled_by_id");
  CREATE INDEX "releases_updated_at_idx" ON "releases" USING btree ("updated_at");
  CREATE INDEX "releases_created_at_idx" ON "releases" USING btree ("created_at");
  CREATE INDEX "releases_rels_order_idx" ON "releases_rels" USING btree ("order");
  CREATE INDEX "releases_rels_parent_idx" ON "releases_rels" USING btree ("parent_id");
  CREATE INDEX "releases_rels_path_idx" ON "releases_rels" USING btree ("path");
  CREATE INDEX "releases_rels_matchups_id_idx" ON "releases_rels" USING btree ("matchups_id");
  CREATE INDEX "releases_rels_verdicts_id_idx" ON "releases_rels" USING btree ("verdicts_id");
  CREATE INDEX "votes_tool_idx" ON "votes" USING btree ("tool_id");
  CREATE INDEX "votes_voter_key_idx" ON "votes" USING btree ("voter_key");
  CREATE INDEX "votes_updated_at_idx" ON "votes" USING btree ("updated_at");
  CREATE INDEX "votes_created_at_idx" ON "votes" USING btree ("created_at");
  CREATE UNIQUE INDEX "tool_voterKey_idx" ON "votes" USING btree ("tool_id","voter_key");
  CREATE INDEX "score_history_tool_idx" ON "score_history" USING btree ("tool_id");
  CREATE INDEX "score_history_verdict_idx" ON "score_history" USING btree ("verdict_id");
  CREATE INDEX "score_history_user_idx" ON "score_history" USING btree ("user_id");
  CREATE INDEX "score_history_updated_at_idx" ON "score_history" USING btree ("updated_at");
  CREATE INDEX "score_history_created_at_idx" ON "score_history" USING btree ("created_at");
  CREATE INDEX "workflow_events_user_idx" ON "workflow_events" USING btree ("user_id");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
  CREATE INDEX "workflow_events_rels_order_idx" ON "workflow_events_rels" USING btree ("order");
  CREATE INDEX "workflow_events_rels_parent_idx" ON "workflow_events_rels" USING btree ("parent_id");
  CREATE INDEX "workflow_events_rels_path_idx" ON "workflow_events_rels" USING btree ("path");
  CREATE INDEX "workflow_events_rels_verdicts_id_idx" ON "workflow_events_rels" USING btree ("verdicts_id");
  CREATE INDEX "workflow_events_rels_matchups_id_idx" ON "workflow_events_rels" USING btree ("matchups_id");
  CREATE INDEX "workflow_events_rels_newsletter_issues_id_idx" ON "workflow_events_rels" USING btree ("newsletter_issues_id");
  CREATE INDEX "webhook_subscriptions_events_order_idx" ON "webhook_subscriptions_events" USING btree ("order");
  CREATE INDEX "webhook_subscriptions_events_parent_idx" ON "webhook_subscriptions_events" USING btree ("parent_id");
  CREATE INDEX "webhook_subscriptions_updated_at_idx" ON "webhook_subscriptions" USING btree ("updated_at");
  CREATE INDEX "webhook_subscriptions_created_at_idx" ON "webhook_subscriptions" USING btree ("created_at");
  CREATE INDEX "webhook_deliveries_subscription_idx" ON "webhook_deliveries" USING btree ("subscription_id");
  CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries" USING btree ("event_id");
  CREATE INDEX "webhook_deliveries_updated_at_idx" ON "webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");
  CREATE UNIQUE INDEX "subscribers_email_idx" ON "subscribers" USING btree ("email");
  CREATE INDEX "subscribers_status_idx" ON "subscribers" USING btree ("status");
  CREATE INDEX "subscribers_updated_at_idx" ON "subscribers" USING btree ("updated_at");
  CREATE INDEX "subscribers_created_at_idx" ON "subscribers" USING btree ("created_at");
  CREATE INDEX "newsletter_issues_items_order_idx" ON "newsletter_issues_items" USING btree ("_order");
  CREATE INDEX "newsletter_issues_items_parent_id_idx" ON "newsletter_issues_items" USING btree ("_parent_id");
  CREATE INDEX "newsletter_issues_workflow_stage_idx" ON "newsletter_issues" USING btree ("workflow_stage");
  CREATE INDEX "newsletter_issues_approved_by_idx" ON "newsletter_issues" USING btree ("approved_by_id");
  CREATE INDEX "newsletter_issues_created_by_idx" ON "newsletter_issues" USING btree ("created_by_id");
  CREATE INDEX "newsletter_issues_last_edited_by_idx" ON "newsletter_issues" USING btree ("last_edited_by_id");
  CREATE INDEX "newsletter_issues_updated_at_idx" ON "newsletter_issues" USING btree ("updated_at");
  CREATE INDEX "newsletter_issues_created_at_idx" ON "newsletter_issues" USING btree ("created_at");
  CREATE INDEX "newsletter_issues__status_idx" ON "newsletter_issues" USING btree ("_status");
  CREATE INDEX "_newsletter_issues_v_version_items_order_idx" ON "_newsletter_issues_v_version_items" USING btree ("_order");
  CREATE INDEX "_newsletter_issues_v_version_items_parent_id_idx" ON "_newsletter_issues_v_version_items" USING btree ("_parent_id");
  CREATE INDEX "_newsletter_issues_v_parent_idx" ON "_newsletter_issues_v" USING btree ("parent_id");
  CREATE INDEX "_newsletter_issues_v_version_version_workflow_stage_idx" ON "_newsletter_issues_v" USING btree ("version_workflow_stage");
  CREATE INDEX "_newsletter_issues_v_version_version_approved_by_idx" ON "_newsletter_issues_v" USING btree ("version_approved_by_id");
  CREATE INDEX "_newsletter_issues_v_version_version_created_by_idx" ON "_newsletter_issues_v" USING btree ("version_created_by_id");
  CREATE INDEX "_newsletter_issues_v_version_version_last_edited_by_idx" ON "_newsletter_issues_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_newsletter_issues_v_version_version_updated_at_idx" ON "_newsletter_issues_v" USING btree ("version_updated_at");
  CREATE INDEX "_newsletter_issues_v_version_version_created_at_idx" ON "_newsletter_issues_v" USING btree ("version_created_at");
  CREATE INDEX "_newsletter_issues_v_version_version__status_idx" ON "_newsletter_issues_v" USING btree ("version__status");
  CREATE INDEX "_newsletter_issues_v_created_at_idx" ON "_newsletter_issues_v" USING btree ("created_at");
  CREATE INDEX "_newsletter_issues_v_updated_at_idx" ON "_newsletter_issues_v" USING btree ("updated_at");
  CREATE INDEX "_newsletter_issues_v_latest_idx" ON "_newsletter_issues_v" USING btree ("latest");
  CREATE UNIQUE INDEX "newsletter_deliveries_key_idx" ON "newsletter_deliveries" USING btree ("key");
  CREATE INDEX "newsletter_deliveries_issue_idx" ON "newsletter_deliveries" USING btree ("issue_id");
  CREATE INDEX "newsletter_deliveries_subscriber_idx" ON "newsletter_deliveries" USING btree ("subscriber_id");
  CREATE INDEX "newsletter_deliveries_status_idx" ON "newsletter_deliveries" USING btree ("status");
  CREATE INDEX "newsletter_deliveries_updated_at_idx" ON "newsletter_deliveries" USING btree ("updated_at");
  CREATE INDEX "newsletter_deliveries_created_at_idx" ON "newsletter_deliveries" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_tools_id_idx" ON "payload_locked_documents_rels" USING btree ("tools_id");
  CREATE INDEX "payload_locked_documents_rels_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("categories_id");
  CREATE INDEX "payload_locked_documents_rels_reviewers_id_idx" ON "payload_locked_documents_rels" USING btree ("reviewers_id");
  CREATE INDEX "payload_locked_documents_rels_verdicts_id_idx" ON "payload_locked_documents_rels" USING btree ("verdicts_id");
  CREATE INDEX "payload_locked_documents_rels_matchups_id_idx" ON "payload_locked_documents_rels" USING btree ("matchups_id");
  CREATE INDEX "payload_locked_documents_rels_releases_id_idx" ON "payload_locked_documents_rels" USING btree ("releases_id");
  CREATE INDEX "payload_locked_documents_rels_votes_id_idx" ON "payload_locked_documents_rels" USING btree ("votes_id");
  CREATE INDEX "payload_locked_documents_rels_score_history_id_idx" ON "payload_locked_documents_rels" USING btree ("score_history_id");
  CREATE INDEX "payload_locked_documents_rels_workflow_events_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_events_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_subscriptions_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_subscriptions_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_deliveries_id");
  CREATE INDEX "payload_locked_documents_rels_subscribers_id_idx" ON "payload_locked_documents_rels" USING btree ("subscribers_id");
  CREATE INDEX "payload_locked_documents_rels_newsletter_issues_id_idx" ON "payload_locked_documents_rels" USING btree ("newsletter_issues_id");
  CREATE INDEX "payload_locked_documents_rels_newsletter_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("newsletter_deliveries_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "tools" CASCADE;
  DROP TABLE "categories" CASCADE;
  DROP TABLE "reviewers" CASCADE;
  DROP TABLE "reviewers_texts" CASCADE;
  DROP TABLE "reviewers_rels" CASCADE;
  DROP TABLE "verdicts" CASCADE;
  DROP TABLE "_verdicts_v" CASCADE;
  DROP TABLE "matchups" CASCADE;
  DROP TABLE "_matchups_v" CASCADE;
  DROP TABLE "releases" CASCADE;
  DROP TABLE "releases_rels" CASCADE;
  DROP TABLE "votes" CASCADE;
  DROP TABLE "score_history" CASCADE;
  DROP TABLE "workflow_events" CASCADE;
  DROP TABLE "workflow_events_rels" CASCADE;
  DROP TABLE "webhook_subscriptions_events" CASCADE;
  DROP TABLE "webhook_subscriptions" CASCADE;
  DROP TABLE "webhook_deliveries" CASCADE;
  DROP TABLE "subscribers" CASCADE;
  DROP TABLE "newsletter_issues_items" CASCADE;
  DROP TABLE "newsletter_issues" CASCADE;
  DROP TABLE "_newsletter_issues_v_version_items" CASCADE;
  DROP TABLE "_newsletter_issues_v" CASCADE;
  DROP TABLE "newsletter_deliveries" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_tools_pricing_tier";
  DROP TYPE "public"."enum_verdicts_decision";
  DROP TYPE "public"."enum_verdicts_workflow_stage";
  DROP TYPE "public"."enum_verdicts_status";
  DROP TYPE "public"."enum__verdicts_v_version_decision";
  DROP TYPE "public"."enum__verdicts_v_version_workflow_stage";
  DROP TYPE "public"."enum__verdicts_v_version_status";
  DROP TYPE "public"."enum_matchups_workflow_stage";
  DROP TYPE "public"."enum_matchups_status";
  DROP TYPE "public"."enum__matchups_v_version_workflow_stage";
  DROP TYPE "public"."enum__matchups_v_version_status";
  DROP TYPE "public"."enum_releases_status";
  DROP TYPE "public"."enum_votes_decision";
  DROP TYPE "public"."enum_score_history_kind";
  DROP TYPE "public"."enum_score_history_action";
  DROP TYPE "public"."enum_workflow_events_action";
  DROP TYPE "public"."enum_workflow_events_from";
  DROP TYPE "public"."enum_workflow_events_to";
  DROP TYPE "public"."enum_webhook_subscriptions_events";
  DROP TYPE "public"."enum_webhook_deliveries_outcome";
  DROP TYPE "public"."enum_subscribers_status";
  DROP TYPE "public"."enum_newsletter_issues_items_kind";
  DROP TYPE "public"."enum_newsletter_issues_delivery_status";
  DROP TYPE "public"."enum_newsletter_issues_workflow_stage";
  DROP TYPE "public"."enum_newsletter_issues_status";
  DROP TYPE "public"."enum__newsletter_issues_v_version_items_kind";
  DROP TYPE "public"."enum__newsletter_issues_v_version_delivery_status";
  DROP TYPE "public"."enum__newsletter_issues_v_version_workflow_stage";
  DROP TYPE "public"."enum__newsletter_issues_v_version_status";
  DROP TYPE "public"."enum_newsletter_deliveries_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
