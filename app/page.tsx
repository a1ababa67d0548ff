import Link from "next/link";
import { redirect } from "next/navigation";
import { ThemeMenu } from "@/components/theme/theme-menu";
import { buttonClass } from "@/components/ui/button";
import { CheckIcon, KeyboardIcon, LockIcon, ZapIcon } from "@/components/ui/icons";
import { Logo } from "@/components/ui/logo";
import { getSession } from "@/lib/server/auth/session";

const features = [
  {
    Icon: ZapIcon,
    title: "Capture in a keystroke",
    text: "Press n, type, Enter. Add a due date, priority and tags only when you need them.",
  },
  {
    Icon: KeyboardIcon,
    title: "Made for the keyboard",
    text: "Move with j and k, complete with x, edit with e. Every control also works by tap and Tab.",
  },
  {
    Icon: LockIcon,
    title: "Private by design",
    text: "Your list is yours alone: every request is checked against your account, nothing is shared.",
  },
];

const preview = [
  {
    title: "Send the quarterly report",
    meta: "Today",
    tone: "text-emerald-700 dark:text-emerald-400",
    ring: "border-red-500",
    done: false,
  },
  {
    title: "Book dentist appointment",
    meta: "Tomorrow",
    tone: "text-amber-700 dark:text-amber-400",
    ring: "border-amber-500",
    done: false,
  },
  {
    title: "Water the plants",
    meta: "#home",
    tone: "text-zinc-600 dark:text-zinc-400",
    ring: "border-zinc-400",
    done: true,
  },
];

export default async function Home() {
  if (await getSession()) redirect("/dashboard");

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between gap-3 px-4 py-4 sm:px-6">
        <Logo className="text-lg" />
        <nav aria-label="Account" className="flex items-center gap-1 sm:gap-2">
          <ThemeMenu />
          <Link href="/login" className={buttonClass("ghost", "md")}>
            Log in
          </Link>
          <Link href="/signup" className={buttonClass("primary", "md", "max-sm:hidden")}>
            Sign up
          </Link>
        </nav>
      </header>

      <main className="flex-1">
        <section className="mx-auto grid max-w-5xl items-center gap-12 px-4 pt-10 pb-16 sm:px-6 sm:pt-16 lg:grid-cols-[1.1fr_1fr] lg:gap-16 lg:pt-24">
          <div>
            <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
              Get things done, calmly.
            </h1>
            <p className="mt-5 max-w-xl text-lg text-pretty text-zinc-600 dark:text-zinc-300">
              Doable is a fast, private to-do list. Capture a task in a second, see what matters
              today, and clear your list on your phone or at your desk.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/signup" className={buttonClass("primary", "md", "h-11 px-5 text-base")}>
                Create your free account
              </Link>
              <Link href="/login" className={buttonClass("secondary", "md", "h-11 px-5 text-base")}>
                Log in
              </Link>
            </div>
          </div>

          <div
            aria-hidden="true"
            className="rounded-2xl border border-zinc-200 bg-zinc-50 p-3 shadow-xl shadow-zinc-900/5 dark:border-zinc-800 dark:bg-zinc-900 dark:shadow-black/30"
          >
            <div className="rounded-xl border border-zinc-200 bg-white px-4 py-3 text-zinc-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-400">
              Add a task…
            </div>
            <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
              {preview.map((item) => (
                <li key={item.title} className="flex items-start gap-3 px-2 py-3">
                  <span
                    className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border-2 ${item.ring} ${item.done ? "bg-zinc-400 dark:bg-zinc-600" : ""}`}
                  >
                    {item.done && (
                      <CheckIcon width={12} height={12} strokeWidth={3} className="text-white" />
                    )}
                  </span>
                  <span className="min-w-0">
                    <span
                      className={`block ${item.done ? "text-zinc-500 line-through dark:text-zinc-400" : ""}`}
                    >
                      {item.title}
                    </span>
                    <span className={`text-sm ${item.tone}`}>{item.meta}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <section
          aria-labelledby="features"
          className="border-t border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/40"
        >
          <div className="mx-auto max-w-5xl px-4 py-14 sm:px-6">
            <h2 id="features" className="sr-only">
              Why Doable
            </h2>
            <ul className="grid gap-8 sm:grid-cols-3">
              {features.map(({ Icon, title, text }) => (
                <li key={title}>
                  <span className="flex size-10 items-center justify-center rounded-xl bg-blue-50 text-blue-700 dark:bg-blue-500/15 dark:text-blue-300">
                    <Icon width={20} height={20} />
                  </span>
                  <h3 className="mt-4 font-semibold">{title}</h3>
                  <p className="mt-1.5 text-zinc-600 dark:text-zinc-300">{text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>

      <footer className="mx-auto w-full max-w-5xl px-4 py-6 text-sm text-zinc-500 sm:px-6 dark:text-zinc-400">
        Doable · your tasks, nobody else's.
      </footer>
    </div>
  );
}
