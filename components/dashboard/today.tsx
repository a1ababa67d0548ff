"use client";

import { useEffect, useState } from "react";

const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "long",
});

/** Today's date in the browser's zone; rendered after mount so server and browser agree. */
export function Today() {
  const [text, setText] = useState("");
  useEffect(() => setText(longDate.format(new Date())), []);
  return <p className="h-5 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>;
}
