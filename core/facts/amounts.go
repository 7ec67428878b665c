package facts

import (
	"regexp"
	"strconv"
	"strings"
)

// amounts returns the money amounts in s with their value and currency:
// "$1,200.00" → 1200 USD, "1.200,00 €" → 1200 EUR, "EUR 99" → 99 EUR.
// c is what a scan of s found (see prefilter.go).
func amounts(s string, c *clue) []Entity {
	if !c.digit || !c.currency && !c.any(currencyWords...) {
		return nil
	}
	var out []Entity
	seen := map[string]bool{}
	for _, re := range []*regexp.Regexp{amountPreRE(), amountPostRE()} {
		for _, v := range re.FindAllString(s, -1) {
			v = strings.TrimSpace(v)
			if seen[v] {
				continue
			}
			seen[v] = true
			n := number(v)
			if n <= 0 {
				continue
			}
			out = append(out, Entity{Kind: KindAmount, Value: v, Amount: n, Currency: currency(v)})
		}
	}
	return out
}

func currency(v string) string {
	u := strings.ToUpper(v)
	switch {
	case strings.Contains(u, "€") || strings.Contains(u, "EUR"):
		return "EUR"
	case strings.Contains(u, "£") || strings.Contains(u, "GBP"):
		return "GBP"
	case strings.Contains(u, "CHF"):
		return "CHF"
	case strings.Contains(u, "CAD"):
		return "CAD"
	case strings.Contains(u, "AUD"):
		return "AUD"
	default:
		return "USD"
	}
}

// number reads the digits of v as a number, deciding which of "." and ","
// is the decimal mark: the last one followed by one or two digits at the
// end. "1,200.00" and "1.200,00" are both 1200; "1,200" is 1200.
func number(v string) float64 {
	var b strings.Builder
	for _, r := range v {
		if (r >= '0' && r <= '9') || r == '.' || r == ',' {
			b.WriteRune(r)
		}
	}
	d := strings.Trim(b.String(), ".,")
	if d == "" {
		return 0
	}
	dec := -1
	if i := strings.LastIndexAny(d, ".,"); i >= 0 && len(d)-i-1 <= 2 {
		dec = i
	}
	var c strings.Builder
	for i, r := range d {
		switch {
		case i == dec:
			c.WriteByte('.')
		case r == '.' || r == ',':
		default:
			c.WriteRune(r)
		}
	}
	f, err := strconv.ParseFloat(c.String(), 64)
	if err != nil {
		return 0
	}
	return f
}
