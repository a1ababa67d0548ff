"use client";

import { lazy, useState } from "react";
import { deferred } from "@/components/ui/deferred";
import { DeferredMenu, type DeferredPanel } from "@/components/ui/deferred-menu";
import type { AccountPanelProps } from "./account-panel";
import { WhileOpen } from "./lazy-dialogs";
import type { UserSettings } from "./settings/user-settings";

export interface AccountUser {
  id: string;
  email: string;
  name: string;
}

export interface AccountMenuProps {
  user: AccountUser;
  settings: UserSettings;
  onSettingsChange: (patch: Partial<UserSettings>) => void;
  onShowShortcuts: () => void;
  onError: (message: string) => void;
}

export type AccountDialog = "delete" | "zone" | "notifications" | "import" | "calendar";

const accountPanel: DeferredPanel<AccountPanelProps> = deferred(
  async () => (await import("./account-panel")).AccountPanel,
);

const loadDialogs = () => import("./account-dialogs");

/** Fetches the menu's dialogs (while the page is idle, or when the menu opens). */
export function preloadAccountDialogs(): void {
  loadDialogs().then(
    (dialogs) => dialogs.preloadSmallAccountDialogs(),
    () => {},
  );
}

const Dialogs = lazy(async () => ({ default: (await loadDialogs()).AccountDialogs }));

/**
 * The signed-in person's menu: the trigger here, the panel (account-panel.tsx) loaded after the
 * page and mounted while open, and the dialogs it opens (account-dialogs.tsx, loaded likewise).
 */
export function AccountMenu(props: AccountMenuProps) {
  const { user, settings, onSettingsChange } = props;
  const [dialog, setDialog] = useState<AccountDialog | null>(null);
  const initial = (user.name || user.email).trim().charAt(0).toUpperCase() || "?";

  return (
    <>
      <DeferredMenu
        trigger={
          <button
            type="button"
            aria-label={`Account: ${user.email}`}
            className="flex size-9 items-center justify-center rounded-full bg-blue-100 text-sm font-semibold text-blue-800 hover:bg-blue-200 dark:bg-blue-500/20 dark:text-blue-200 dark:hover:bg-blue-500/30"
          >
            {initial}
          </button>
        }
        panel={accountPanel}
        panelProps={{ ...props, onOpenDialog: setDialog }}
      />
      <WhileOpen open={dialog !== null}>
        <Dialogs
          user={user}
          settings={settings}
          onSettingsChange={onSettingsChange}
          dialog={dialog}
          onDialogChange={setDialog}
        />
      </WhileOpen>
    </>
  );
}
