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

func isLetterByte(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// scanNumber returns the end of a number written at text[i:] ("1200",
// "1,200", "1.200,00", "1 200", "49.99"), or i when there is none.
func scanNumber(text string, i int) int {
	j := i
	for j < len(text) && isDigitByte(text[j]) {
		j++
	}
	if j == i {
		return i
	}
	lead := j - i
	for lead <= 3 { // thousands groups
		k := j
		if k < len(text) && strings.IndexByte(".,' ", text[k]) >= 0 {
			k++
		}
		if k == j || k+3 > len(text) || !allDigits(text[k:k+3]) || (k+3 < len(text) && isDigitByte(text[k+3])) {
			break
		}
		j = k + 3
	}
	if j+1 < len(text) && (text[j] == '.' || text[j] == ',') && isDigitByte(text[j+1]) {
		k := j + 1
		for k < len(text) && isDigitByte(text[k]) && k-j <= 2 {
			k++
		}
		if k == len(text) || !isDigitByte(text[k]) {
			j = k
		}
	}
	if j < len(text) && isDigitByte(text[j]) {
		return i
	}
	return j
}

// numberEndingAt returns the start of a number that ends exactly at end,
// or -1.
func numberEndingAt(text string, end int) int {
	s := end
	for s > 0 && strings.IndexByte("0123456789.,' ", text[s-1]) >= 0 && end-s < 24 {
		s--
	}
	for ; s < end; s++ {
		if isDigitByte(text[s]) && (s == 0 || !isDigitByte(text[s-1])) && (s == 0 || !isLetterByte(text[s-1])) && scanNumber(text, s) == end {
			return s
		}
	}
	return -1
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// atoi reads a whole number of at most a million written in ASCII
// digits, or returns -1.
func atoi(s string) int {
	if s == "" {
		return -1
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
		if n > 1e6 {
			return -1
		}
	}
	return n
}

// spaceGrouped reports digits grouped by single spaces ("50 000").
func spaceGrouped(s string) bool {
	return strings.Contains(s, " ") && allDigits(strings.ReplaceAll(s, " ", ""))
}
