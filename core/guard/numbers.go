package guard

import "strings"

// numberValue returns the canonical value of a written number, ignoring
// thousands separators, or "" when s is not a number:
//
//	"1.200,00" "1,200" "1200" "1 200" → "1200"
//	"1,5" "1.50"                      → "1.5"
//	"0.125"                           → "0.125"
//
// A lone separator followed by exactly three digits is a thousands
// separator ("1.200" is 1200) unless the integer part is 0.
func numberValue(s string) string {
	if strings.ContainsAny(s, " \u00a0\u202f'’") {
		s = strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\u00a0', '\u202f', '\'', '’':
				return -1
			}
			return r
		}, s)
	}
	if s == "" {
		return ""
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return ""
		}
	}
	dec := -1 // index of the decimal separator
	lastDot, lastComma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	switch {
	case lastDot >= 0 && lastComma >= 0:
		dec = max(lastDot, lastComma)
	case lastDot >= 0 || lastComma >= 0:
		sep := s[max(lastDot, lastComma)]
		idx := max(lastDot, lastComma)
		if strings.Count(s, string(sep)) == 1 && (len(s)-idx-1 != 3 || strings.Trim(s[:idx], "0") == "") {
			dec = idx
		}
	}
	intPart, frac := s, ""
	if dec >= 0 {
		intPart, frac = s[:dec], s[dec+1:]
	}
	if strings.ContainsAny(intPart, ".,") {
		groups := strings.FieldsFunc(intPart, func(r rune) bool { return r == '.' || r == ',' })
		if len(groups) == 0 {
			return ""
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return "" // "1.2.3" is a version, not a number
			}
		}
		intPart = strings.Map(func(r rune) rune {
			if r == '.' || r == ',' {
				return -1
			}
			return r
		}, intPart)
	}
	if strings.ContainsAny(frac, ".,") {
		return ""
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

// smallInt returns the value of a canonical whole number below a million,
// or -1.
func smallInt(v string) int {
	if v == "" || len(v) > 6 {
		return -1
	}
	n := 0
	for _, r := range v {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
	}
	return n
}
