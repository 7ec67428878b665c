package facts

import (
	"slices"
	"strings"

	"handoff/core/internal/textindex"
)

// Patterns for the specifics a thread states. Each is matched on the
// message text as written; values are kept as written so the note can be
// checked against the thread.
var (
	hexErrRE     = lazyRE(`\b0x[0-9A-Fa-f]{4,16}\b`)
	codeErrRE    = lazyRE(`\b(?:ERR|E)_[A-Z0-9_]{3,40}\b`)
	exceptionRE  = lazyRE(`\b[A-Z][A-Za-z0-9]{2,60}(?:Exception|Error)\b`)
	quotedRE     = lazyRE(`["“„«]([^"“”„«»\n]{4,100})["”“»]`)
	errorCtxRE   = lazyRE(`(?i)error|fail|fehler|erreur|mensaje de error|message d'erreur|exception|denied|invalid|cannot|can't|unable`)
	versionRE    = spot(`(?i)\b(?:version|versi[óo]n|release|build|v)\s?(\d+(?:\.\d+){1,3})\b`, startsWithAny("v", "release", "build"))
	platformRE   = spot(`(?i)\b(Chrome|Chromium|Firefox|Safari|Edge|Brave|Opera|Windows|macOS|Mac OS X?|iOS|iPadOS|Android|Ubuntu|Linux|ChromeOS)(?:\s(\d+(?:\.\d+){0,3}))?\b`, startsWithAny("chrom", "firefox", "safari", "edge", "brave", "opera", "windows", "mac", "ios", "ipados", "android", "ubuntu", "linux"))
	amountPreRE  = lazyRE(`(?i)(?:[$€£]|\b(?:USD|EUR|GBP|CHF|CAD|AUD)\s?)\d{1,3}(?:[,.\s]\d{3})*(?:[.,]\d{1,2})?\b|(?:[$€£]|\b(?:USD|EUR|GBP|CHF|CAD|AUD)\s?)\d+(?:[.,]\d{1,2})?\b`)
	amountPostRE = lazyRE(`(?i)\b\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,2})?\s?(?:€|£|\$|(?:EUR|USD|GBP|CHF|CAD|AUD|euros?|dollars?)\b)|\b\d+(?:[.,]\d{1,2})?\s?(?:€|£|\$|(?:EUR|USD|GBP|CHF|CAD|AUD|euros?|dollars?)\b)`)
	idRE         = spot(`(?i)\b(?:invoice|order|account|acct|transaction|txn|payment|subscription|contract|workspace|tenant|rechnung|bestellung|konto|vertrag|factura|pedido|cuenta|facture|commande|compte)(?:\s?(?:no\.?|nr\.?|number|num[ée]ro|n[º°o]\.?|id|#))?\s?[:#]?\s?([A-Z0-9][A-Z0-9_-]{2,40})`, startsWithAny(idWords...))
	prefixIDRE   = spot(`\b(?:INV|ORD|ACC|ACCT|TXN|SUB|CUS|PO|RE|FAC|CH)-?\d[\dA-Z-]{2,30}\b|\b(?:in|ch|pi|py|cus|sub|txn|acct|re)_[A-Za-z0-9]{8,40}\b`, mayPrefixID)
	urlRE        = lazyRE(`https?://[^\s<>"'()\[\]]+`)
	emailRE      = lazyRE(`\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}\b`)
	usersRE      = spot(`(?i)\b(\d{1,3}(?:[,.]\d{3})+|\d+)\+?\s(?:of\s(?:our|my)\s)?(?:[a-z]+\s)?(users|seats|agents|employees|staff|people|members|licen[cs]es|accounts|customers|clients|team members|nutzer|benutzer|mitarbeiter(?:innen)?|usuarios|empleados|agentes|utilisateurs|employ[ée]s|salari[ée]s|collaborateurs|personnes)\b`, startsWithDigit)
	planRE       = spot(`(?i)\b(Enterprise|Business|Professional|Pro|Premium|Team|Growth|Starter|Basic|Plus|Scale|Suite|Elite)\s(?:plan|tier|subscription|license|licence|edition|tarif)\b|\b(?:plan|tarif|forfait|offre)\s(Enterprise|Business|Professional|Pro|Premium|Team|Growth|Starter|Basic|Plus|Scale)\b`, startsWithAny("enterprise", "business", "pro", "premium", "team", "growth", "starter", "basic", "plus", "scale", "suite", "elite", "plan", "tarif", "forfait", "offre"))
)

// entities collects every specific, once per kind and value, with all the
// messages that state it, in order of first mention.
func entities(ms []*msg) []Entity {
	var out []Entity
	type key struct{ kind, value string } // value lower-cased
	index := map[key]int{}
	add := func(e Entity, m *msg) {
		key := key{e.Kind, strings.ToLower(e.Value)}
		if i, ok := index[key]; ok {
			out[i].Cites = addCite(out[i].Cites, m.n)
			out[i].Internal = out[i].Internal && m.internal
			return
		}
		e.Cites = []int{m.n}
		e.Internal = m.internal
		index[key] = len(out)
		out = append(out, e)
	}
	var scratch [][2]int
	for _, m := range ms {
		var ev errVals
		low := m.low
		eachLine(m.text, func(t string, off int) {
			c := scan(t)
			if low != "" {
				c.lowered = low[off : off+len(t)]
			}
			c.toks = scratch
			defer func() { scratch = c.toks }()
			ev.line(t, &c)
			if c.dotted {
				for _, v := range versionRE.strings(t, &c, 1) {
					add(Entity{Kind: KindVersion, Value: v}, m)
				}
			}
			if c.any(platformWords...) {
				for _, v := range platformRE.strings(t, &c, 0) {
					add(Entity{Kind: KindPlatform, Value: v}, m)
				}
			}
			for _, a := range amounts(t, &c) {
				add(a, m)
			}
			for _, v := range ids(t, &c) {
				add(Entity{Kind: KindID, Value: v}, m)
			}
			if c.any("http") {
				for _, v := range urlRE().FindAllString(t, -1) {
					add(Entity{Kind: KindURL, Value: strings.TrimRight(v, ".,;:!?")}, m)
				}
			}
			if c.at {
				for _, v := range emails(t) {
					add(Entity{Kind: KindEmail, Value: v}, m)
				}
			}
			if c.digit && c.any(userWords...) {
				for _, sm := range usersRE.all(t, &c) {
					if n := number(t[sm[2]:sm[3]]); n > 1 {
						add(Entity{Kind: KindUsers, Value: strings.TrimSpace(t[sm[0]:sm[1]]), Amount: n}, m)
					}
				}
			}
			if c.any(planWords...) {
				for _, v := range planRE.strings(t, &c, 0) {
					add(Entity{Kind: KindPlan, Value: v}, m)
				}
			}
			for _, d := range lineDates(t, m.at, &c) {
				add(d, m)
			}
		})
		m.errOnce.Do(func() { m.errVals = ev.out }) // what m.errorValues() reads, found on the way
		for _, v := range ev.out {
			add(Entity{Kind: KindError, Value: v}, m)
		}
	}
	return out
}

// emails is emailRE().FindAllString(t, -1), run only over the address
// runs of t (textindex.AddressRuns), where every match lies.
func emails(t string) []string {
	var out []string
	for _, r := range textindex.AddressRuns(t) {
		out = append(out, emailRE().FindAllString(t[r[0]:r[1]], -1)...)
	}
	return out
}

// errorValues returns the error codes and messages in s: HTTP statuses
// with context ("HTTP 502", "502 Bad Gateway"), hex and symbolic codes,
// exception names and quoted messages near an error word.
func errorValues(text string) []string {
	var ev errVals
	eachLine(text, func(s string, _ int) {
		c := scan(s)
		ev.line(s, &c)
	})
	return ev.out
}

// errVals gathers error values line by line, each once (compared
// lower-cased).
type errVals struct {
	out  []string
	keys []string // out lower-cased: a message has few error values
}

func (ev *errVals) add(v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	if k := strings.ToLower(v); !slices.Contains(ev.keys, k) {
		ev.keys = append(ev.keys, k)
		ev.out = append(ev.out, v)
	}
}

// line reads the error values of one line whose clues c are read.
func (ev *errVals) line(s string, c *clue) {
	if c.errCode {
		for _, v := range httpStatuses(s) {
			ev.add(v)
		}
	}
	if strings.Contains(s, "0x") {
		for _, v := range hexErrRE().FindAllString(s, -1) {
			ev.add(v)
		}
	}
	if c.under {
		for _, v := range codeErrRE().FindAllString(s, -1) {
			ev.add(v)
		}
	}
	if strings.Contains(s, "Exception") || strings.Contains(s, "Error") {
		for _, v := range exceptionRE().FindAllString(s, -1) {
			ev.add(v)
		}
	}
	if !c.quote {
		return
	}
	for _, loc := range quotedRE().FindAllStringSubmatchIndex(s, -1) {
		lo, hi := max(0, loc[0]-60), min(len(s), loc[1]+30)
		// A quoted message of one word ("completed", "Standard") is a
		// label or status, not an error message.
		if q := s[loc[2]:loc[3]]; strings.Contains(strings.TrimSpace(q), " ") && errorCtxRE().MatchString(s[lo:hi]) {
			ev.add(q)
		}
	}
}

// ids returns the invoice, order, account … ids in s.
func ids(s string, c *clue) []string {
	var out []string
	if c.digit && c.any(idWords...) {
		for _, v := range idRE.strings(s, c, 1) {
			if strings.ContainsAny(v, "0123456789") {
				out = append(out, strings.TrimRight(v, "-_"))
			}
		}
	}
	if c.capDigit || c.under {
		out = append(out, prefixIDRE.strings(s, c, 0)...)
	}
	return out
}

// mayPrefixID reports whether one of prefixIDRE's prefixes stands at p
// ("INV", "ORD" … in capitals, "in_", "cus_" … in small letters).
func mayPrefixID(s string, p int) bool {
	for _, w := range []string{"INV", "ORD", "ACC", "TXN", "SUB", "CUS", "PO", "RE", "FAC", "CH", "in_", "ch_", "pi_", "py_", "cus_", "sub_", "txn_", "acct_", "re_"} {
		if strings.HasPrefix(s[p:], w) {
			return true
		}
	}
	return false
}
