import Link from "next/link";
import { ThemeMenu } from "@/components/theme/theme-menu";
import { Logo } from "@/components/ui/logo";

/** Sign-up, log-in and password pages: the brand, the theme menu, one centred column. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-white sm:bg-zinc-50 dark:bg-zinc-950 dark:sm:bg-zinc-950">
      <header className="flex items-center justify-between px-5 py-4 sm:px-8 sm:py-6">
        <Link
          href="/"
          className="inline-flex rounded-md text-lg text-zinc-900 dark:text-zinc-50"
          aria-label="Doable home"
        >
          <Logo />
        </Link>
        <ThemeMenu />
      </header>
      <main className="flex flex-1 justify-center px-5 pt-4 pb-16 sm:items-center sm:px-8 sm:pt-0 sm:pb-24">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
