import { useCallback, useEffect, useRef, useState } from "react";

/** How long the title must rest before what was understood is read out. */
const SETTLE_MS = 900;

/**
 * A polite live region's text: what quick add understood, once typing pauses and only when it
 * changed, and `say()` for an answer to an action (a removed chip), which stands for the
 * change that follows it instead of being read out twice.
 */
export function useAnnouncement(summary: string): { message: string; say: (text: string) => void } {
  const [message, setMessage] = useState("");
  const spoken = useRef("");
  const absorbNext = useRef(false);

  useEffect(() => {
    if (absorbNext.current) {
      absorbNext.current = false;
      spoken.current = summary;
      return;
    }
    if (!summary) {
      spoken.current = "";
      return;
    }
    if (summary === spoken.current) return;
    const timer = setTimeout(() => {
      spoken.current = summary;
      setMessage(summary);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [summary]);

  const say = useCallback((text: string) => {
    absorbNext.current = true;
    // The change comes with the next render; a removal that changes nothing absorbs no later one.
    setTimeout(() => {
      absorbNext.current = false;
    }, SETTLE_MS);
    setMessage(text);
  }, []);
  return { message, say };
}
