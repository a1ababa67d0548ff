CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT 'gray' NOT NULL,
	"position" numeric DEFAULT extract(epoch from clock_timestamp()) NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_id_user_unique" UNIQUE("id","user_id"),
	CONSTRAINT "projects_name_length" CHECK (char_length("projects"."name") between 1 and 60),
	CONSTRAINT "projects_color" CHECK ("projects"."color" in ('gray', 'red', 'orange', 'amber', 'green', 'teal', 'blue', 'indigo', 'purple', 'pink'))
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "position" numeric DEFAULT extract(epoch from clock_timestamp()) NOT NULL;--> statement-breakpoint
-- Hand-added: existing tasks keep their creation order as their manual order.
UPDATE "tasks" SET "position" = extract(epoch from "created_at");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "projects_user_name_idx" ON "projects" USING btree ("user_id",lower("name"));--> statement-breakpoint
CREATE INDEX "projects_user_position_idx" ON "projects" USING btree ("user_id","position");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_id_user_unique" UNIQUE("id","user_id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_fk" FOREIGN KEY ("project_id","user_id") REFERENCES "public"."projects"("id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_fk" FOREIGN KEY ("parent_id","user_id") REFERENCES "public"."tasks"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_user_project_position_idx" ON "tasks" USING btree ("user_id","project_id","position");--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_id") WHERE "tasks"."parent_id" is not null;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_not_own_parent" CHECK ("tasks"."parent_id" is null or "tasks"."parent_id" <> "tasks"."id");--> statement-breakpoint
-- Hand-added: the subtask rules, enforced here so no writer can bypass them. One level deep (a
-- subtask's parent is top-level, and a task with subtasks cannot become one); at most 100
-- subtasks (SUBTASKS_MAX); a subtask is always in its parent's project. The parent row is read
-- FOR SHARE, so a concurrent write cannot make it a subtask while this one is checked.
CREATE FUNCTION "tasks_subtask_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent record;
BEGIN
  IF NEW.parent_id IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT t.parent_id, t.project_id INTO parent FROM tasks t
    WHERE t.id = NEW.parent_id AND t.user_id = NEW.user_id FOR SHARE;
  IF NOT FOUND THEN
    RETURN NEW; -- not the user's task: tasks_parent_fk refuses it
  END IF;
  IF parent.parent_id IS NOT NULL OR EXISTS (SELECT 1 FROM tasks c WHERE c.parent_id = NEW.id) THEN
    RAISE EXCEPTION 'subtasks go one level deep' USING ERRCODE = '23514', CONSTRAINT = 'tasks_parent_top_level';
  END IF;
  IF (TG_OP = 'INSERT' OR OLD.parent_id IS DISTINCT FROM NEW.parent_id)
     AND (SELECT count(*) FROM tasks c WHERE c.parent_id = NEW.parent_id) >= 100 THEN
    RAISE EXCEPTION 'too many subtasks' USING ERRCODE = '23514', CONSTRAINT = 'tasks_subtasks_max';
  END IF;
  NEW.project_id := parent.project_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "tasks_subtask_rules" BEFORE INSERT OR UPDATE OF "parent_id", "project_id" ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "tasks_subtask_rules"();--> statement-breakpoint
-- Hand-added: subtasks move with their parent to another project, in the parent's statement.
CREATE FUNCTION "tasks_subtasks_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tasks SET project_id = NEW.project_id,
    updated_at = greatest(date_trunc('milliseconds', now()), date_trunc('milliseconds', updated_at) + interval '1 millisecond')
  WHERE parent_id = NEW.id AND user_id = NEW.user_id AND project_id IS DISTINCT FROM NEW.project_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "tasks_subtasks_follow" AFTER UPDATE OF "project_id" ON "tasks"
  FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id AND NEW.parent_id IS NULL)
  EXECUTE FUNCTION "tasks_subtasks_follow"();
