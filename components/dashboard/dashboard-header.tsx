"use client";

import { ThemeMenu } from "@/components/theme/theme-menu";
import { Button } from "@/components/ui/button";
import { KeyboardIcon } from "@/components/ui/icons";
import { Logo } from "@/components/ui/logo";
import { toast } from "@/components/ui/toast";
import { AccountMenu, type AccountUser } from "./account-menu";
import { MenuIcon } from "./projects/icons";
import type { UserSettings } from "./settings/user-settings";

/**
 * The bar along the top: the lists-and-projects drawer (narrow screens), logo, keyboard
 * shortcuts, theme and account menus.
 */
export function DashboardHeader({
  user,
  settings,
  onSettingsChange,
  onShowShortcuts,
  onOpenMenu,
}: {
  user: AccountUser;
  settings: UserSettings;
  onSettingsChange: (patch: Partial<UserSettings>) => void;
  onShowShortcuts: () => void;
  /** Opens the drawer with the lists and projects (shown below the sidebar's breakpoint). */
  onOpenMenu?: () => void;
}) {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="flex h-14 items-center gap-1 px-4 lg:px-6">
        {onOpenMenu && (
          <Button
            variant="ghost"
            size="icon"
            aria-label="Lists and projects"
            onClick={onOpenMenu}
            className="-ml-2 lg:hidden"
          >
            <MenuIcon width={20} height={20} />
          </Button>
        )}
        <Logo className="mr-auto text-lg" />
        <Button
          variant="ghost"
          size="icon"
          aria-label="Keyboard shortcuts"
          onClick={onShowShortcuts}
          className="max-sm:hidden"
        >
          <KeyboardIcon width={18} height={18} />
        </Button>
        <ThemeMenu />
        <AccountMenu
          user={user}
          settings={settings}
          onSettingsChange={onSettingsChange}
          onShowShortcuts={onShowShortcuts}
          onError={(message) => toast.error(message)}
        />
      </div>
    </header>
  );
}
