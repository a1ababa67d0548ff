"use client";

import { useEffect, useState } from "react";

/** Today's date in the account's zone; rendered after mount so server and browser agree. */
export function Today({ zone }: { zone: string }) {
  const [text, setText] = useState("");
  useEffect(() => {
    const options: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long" };
    try {
      setText(
        new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone }).format(new Date()),
      );
    } catch {
      setText(new Intl.DateTimeFormat(undefined, options).format(new Date()));
    }
  }, [zone]);
  return <p className="h-5 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>;
}
