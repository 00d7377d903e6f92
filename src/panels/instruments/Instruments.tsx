/** The chapter's analytic instruments (eqs. 114-124); filled in by the instruments work. */
export function Instruments() {
  return null;
}
