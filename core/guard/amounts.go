package guard

import "strings"

// amounts reads numbers with a currency symbol, code or word right before
// or after them ("€1,200", "EUR 1200", "1.200,00 €", "1200 euros").
func (x *extractor) amounts(toks []token) {
	type mark struct{ a, b int }
	var at []mark
	for i, r := range x.text {
		if r != '$' && (r < 0x80 || !strings.ContainsRune("€£¥₹", r)) {
			continue // not a currency sign
		}
		a := i
		for a > 0 && isLetterByte(x.text[a-1]) { // "US$", "R$"
			a--
		}
		at = append(at, mark{a, i + len(string(r))})
	}
	for _, t := range toks {
		if _, ok := cal().currencyOf[t.s]; ok {
			at = append(at, mark{t.start, t.end})
		}
	}
	for _, m := range at {
		cur := cal().currencyOf[normWord(x.text[m.a:m.b])]
		// Number after: "€1,200", "EUR 1200".
		i := m.b
		if i < len(x.text) && x.text[i] == ' ' {
			i++
		}
		if e := scanNumber(x.text, i); e > i && x.free(m.a, e) {
			x.claimAmount(m.a, e, x.text[i:e], cur)
			continue
		}
		// Number before: "1.200,00 €", "1200 euros".
		j := m.a
		if j > 0 && (x.text[j-1] == ' ' || x.text[j-1] == '\u00a0') {
			j--
		}
		if s := numberEndingAt(x.text, j); s >= 0 && x.free(s, m.b) {
			x.claimAmount(s, m.b, x.text[s:j], cur)
		}
	}
}

func (x *extractor) claimAmount(a, b int, num, cur string) {
	if v := numberValue(num); v != "" {
		x.claim(specific{kind: kAmount, start: a, end: b, num: v, cur: cur})
	}
}
