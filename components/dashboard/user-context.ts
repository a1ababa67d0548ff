"use client";

import { createContext, useContext } from "react";

/**
 * The signed-in user's id, for components deep in the list (the task editor's history) that
 * call the API, without threading it through every row. Provided by the dashboard.
 */
export const UserIdContext = createContext<string | null>(null);

export function useUserId(): string {
  const userId = useContext(UserIdContext);
  if (userId === null) throw new Error("useUserId outside the dashboard");
  return userId;
}
