package guard

// specifics reports every specific in u that the thread does not hold
// (only with a thread). Specifics are:
//
//   - numbers, ignoring thousands separators ("12,000" == "12000"), and
//     ordinals ("2nd");
//   - amounts with a currency symbol, code or word, by value and currency
//     ("1.200,00 €" == "€1,200" == "EUR 1200"); an amount whose number is
//     in the thread without a currency counts when that currency is named
//     anywhere in the thread;
//   - dates in en/de/es/fr spellings, by calendar value ("2 March",
//     "March 2nd", "2026-03-02", "02.03.2026", "Mar 2", "2. März",
//     "2 de marzo", "2 mars"); a year-less date matches any year, a dated
//     one also a year-less mention in a year the thread has; message,
//     event and ticket timestamps count as mentions;
//   - weekday names (full names only), matched by any weekday the thread
//     names or any date in it falls on; times of day ("14:05", "2pm");
//   - URLs (host case, "www." and a trailing slash ignored), e-mails
//     (case-insensitive), ids, versions and error codes: any word with a
//     digit ("INV-2026-0042", "v2.3.1", "E1234", "HTTP/502") or an
//     UPPER_SNAKE code ("ERR_CONNECTION_RESET"), case-insensitive;
//     "#4812" is an id after an id noun ("order #4812"), else a citation.
//
// Not specifics: citations "#N" (checked by cite.unknown), the common
// terms of lexicon [terms] ("2FA", "L2"), words without digits. Computed
// counts and durations are allowed without being in the thread: a number
// right before a duration noun (days, hours, weeks, months, minutes) up
// to what the thread's time span allows (days ≤ span in days + 1), or
// before a count noun (times, attempts, messages, follow-ups, replies,
// agents …; also "2x") up to the number of messages. Anything whose exact
// text occurs in the thread as a whole word is grounded.
func (c *linter) specifics(u *unit) {
	if c.ix == nil {
		return
	}
	for _, s := range u.extracted() {
		if s.kind == kCite || c.isHidden(u, s.start, s.end) || c.ix.grounded(s) {
			continue
		}
		c.add("ungrounded", u, s.start, s.end, s.kind.String()+" "+quote(u.text[s.start:s.end])+" is not in the thread")
	}
}

func quote(s string) string { return "“" + s + "”" }
