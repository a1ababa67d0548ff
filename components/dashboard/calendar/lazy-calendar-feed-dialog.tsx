"use client";

import { type ComponentProps, lazy } from "react";
import { WhileOpen } from "../lazy-dialogs";
import type { CalendarFeedDialog } from "./calendar-feed-dialog";

/**
 * The calendar feed dialog, loaded when first opened (or earlier with preloadCalendarFeedDialog,
 * e.g. when the account menu opens) and mounted only while open, like the import dialog: it
 * stays out of the dashboard's first-load JavaScript.
 */
const loadCalendarFeed = () => import("./calendar-feed-dialog");

export const preloadCalendarFeedDialog = (): void => void loadCalendarFeed();

const CalendarFeed = lazy(async () => ({
  default: (await loadCalendarFeed()).CalendarFeedDialog,
}));

export function LazyCalendarFeedDialog(props: ComponentProps<typeof CalendarFeedDialog>) {
  return (
    <WhileOpen open={props.open}>
      <CalendarFeed {...props} />
    </WhileOpen>
  );
}
