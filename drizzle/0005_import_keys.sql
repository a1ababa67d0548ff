ALTER TABLE "projects" ADD COLUMN "import_key" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "import_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "projects_user_import_key_idx" ON "projects" USING btree ("user_id","import_key");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_user_import_key_idx" ON "tasks" USING btree ("user_id","import_key");