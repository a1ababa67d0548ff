/*
 * What quick add loads on first focus or keystroke (quick-add/load.ts): the parser with
 * chrono-node (~17 kB gzipped), its reading of the title, and the chips. Kept out of the
 * dashboard's first load.
 */
export { UnderstoodChips } from "./chips";
export { localeDateOrder, mergeDraft, shiftSpans, understand } from "./understand";
