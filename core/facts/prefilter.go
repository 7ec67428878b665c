package facts

import "strings"

// Cheap tests run before each specifics pattern. Most lines of a ticket
// hold no amount, no URL, no version, and a byte scan is far cheaper than
// a regular expression that finds nothing. Each test is a necessary
// condition of its pattern, never a sufficient one, so results do not
// change; only work does. The patterns run line by line: no specific
// spans a line break.

// clue is what one scan of a line found, for the patterns to consult.
type clue struct {
	line     string
	low      string     // the line, lower-cased on first use (byte offsets may differ)
	lowered  string     // the line lower-cased by the caller, or "" (see lowerLines)
	digit    bool       // any ASCII digit
	errCode  bool       // a digit run starting with 4 or 5, three digits or more
	dotted   bool       // digit, '.', digit (versions)
	numSep   bool       // digit, '.' or '/', digit (numeric dates)
	capDigit bool       // a capital letter followed by a digit or by '-' and a digit (prefixed ids)
	quote    bool       // a quotation mark of any kind
	currency bool       // $, € or £
	at       bool       // '@'
	under    bool       // '_'
	wide     bool       // a byte over 0x7F (a multi-byte character or invalid UTF-8)
	toks     [][2]int   // scratch for word spans, reused line to line
	pairs    [16]uint64 // with low: the byte pairs of low, 5 bits of each byte (see any)
}

// scan reads a line once for every clue.
func scan(line string) clue {
	c := clue{line: line}
	run := 0
	for i := 0; i < len(line); i++ {
		b := line[i]
		if b >= 0x80 {
			c.wide = true
		}
		if b >= '0' && b <= '9' {
			c.digit = true
			run++
			if run == 3 && (line[i-2] == '4' || line[i-2] == '5') {
				c.errCode = true
			}
			if i > 0 && (line[i-1] >= 'A' && line[i-1] <= 'Z' || line[i-1] == '-' && i > 1 && line[i-2] >= 'A' && line[i-2] <= 'Z') {
				c.capDigit = true
			}
			continue
		}
		next := i+1 < len(line) && line[i+1] >= '0' && line[i+1] <= '9'
		switch {
		case b == '.' && run > 0 && next:
			c.dotted, c.numSep = true, true
		case b == '/' && run > 0 && next:
			c.numSep = true
		case b == '"':
			c.quote = true
		case b == '$':
			c.currency = true
		case b == '@':
			c.at = true
		case b == '_':
			c.under = true
		}
		run = 0
	}
	if !c.wide {
		return c // "€", "£" and the typographic quotes are multi-byte
	}
	if strings.Contains(line, "€") || strings.Contains(line, "£") {
		c.currency = true
	}
	if strings.ContainsAny(line, "“”„«»") {
		c.quote = true
	}
	return c
}

// any reports whether the lower-cased line contains one of the words.
func (c *clue) any(words ...string) bool {
	if c.low == "" {
		if c.low = c.lowered; c.low == "" {
			c.low = strings.ToLower(c.line)
		}
		for i := 0; i+1 < len(c.low); i++ {
			p := pair(c.low[i], c.low[i+1])
			c.pairs[p/64] |= 1 << (p % 64)
		}
	}
	for _, w := range words {
		if len(w) >= 2 {
			// A word whose first two bytes never stand together in the
			// line is not in it; the bit test is cheaper than the search.
			if p := pair(w[0], w[1]); c.pairs[p/64]&(1<<(p%64)) == 0 {
				continue
			}
		}
		if strings.Contains(c.low, w) {
			return true
		}
	}
	return false
}

// lowerLines returns text lower-cased when that keeps every byte offset
// (ASCII text), so that a line text[off:off+n] is lowered by slicing the
// result at the same offsets; otherwise "", and each line is lowered on
// its own.
func lowerLines(text string) string {
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			return ""
		}
	}
	return strings.ToLower(text)
}

// pair numbers two adjacent bytes by their low five bits each.
func pair(a, b byte) uint16 { return uint16(a&31)<<5 | uint16(b&31) }

// eachLine calls f with every non-blank line of s and its byte offset.
func eachLine(s string, f func(line string, off int)) {
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s) - off
		}
		if line := s[off : off+end]; strings.TrimSpace(line) != "" {
			f(line, off)
		}
		off += end + 1
	}
}

// Words one of which each pattern needs, lower-cased and unfolded.
var (
	platformWords = []string{"chrom", "firefox", "safari", "edge", "brave", "opera", "windows", "mac", "ios", "android", "ubuntu", "linux"}
	userWords     = []string{"user", "seat", "agent", "employ", "staff", "people", "member", "licen", "account", "customer", "client", "nutzer", "mitarbeiter", "usuario", "empleado", "utilisateur", "salari", "collaborateur", "personne"}
	planWords     = []string{"plan", "tier", "subscription", "licen", "edition", "tarif", "forfait", "offre"}
	idWords       = []string{"invoice", "order", "account", "acct", "transaction", "txn", "payment", "subscription", "contract", "workspace", "tenant", "rechnung", "bestellung", "konto", "vertrag", "factura", "pedido", "cuenta", "facture", "commande", "compte"}
	currencyWords = []string{"usd", "eur", "gbp", "chf", "cad", "aud", "dollar"}
)
