// Package redact replaces personal data and secrets in ticket text with
// stable placeholders before any model call, and restores them in the
// model's answer.
//
//	r := redact.New()
//	s := r.Apply("Mail ana@northwind.io or call +44 20 7946 0958")
//	// s == "Mail [EMAIL_1] or call [PHONE_1]"
//	r.Restore("Reply to [EMAIL_1]") // "Reply to ana@northwind.io"
//
// The same value always gets the same placeholder within one Redactor, so
// citations and repeated mentions stay consistent across messages. Card
// numbers are only replaced when they pass the Luhn check; secrets
// (API keys, tokens, passwords) are never restored into a note.
package redact

import (
	"fmt"
	"regexp"
	"strings"
)

// Kind names a class of redacted value; it appears in the placeholder.
type Kind string

// Kinds, in the order they are applied (most specific first).
const (
	Secret   Kind = "SECRET"
	Password Kind = "PASSWORD"
	Card     Kind = "CARD"
	IBAN     Kind = "IBAN"
	Email    Kind = "EMAIL"
	Phone    Kind = "PHONE"
)

type rule struct {
	kind Kind
	re   func() *regexp.Regexp // compiled on first use
	// group is the submatch to replace (0: the whole match).
	group int
	valid func(string) bool
	may   func(string) bool // a cheap necessary condition for a match (prefilter.go); nil with runs
	runs  runFinder         // when set, matches lie inside these runs (prefilter.go)
}

var rules = []rule{
	{Secret, lazyRE(`\b(?:sk-(?:proj-)?[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}|(?:rk|pk|sk)_(?:live|test)_[A-Za-z0-9]{16,})\b`), 0, nil, maySecretShape, nil},
	{Secret, lazyRE(`(?i)\b(?:api[_ -]?key|token|secret|bearer)\b\s*[:=]?\s*([A-Za-z0-9_\-\.]{24,})`), 1, nil, maySecretLabel, nil},
	{Password, lazyRE(`(?i)\b(?:password|passwort|mot de passe|contraseña|passwd|pwd)\s*(?:is|ist|est|es)?\s*[:=]\s*(\S+)`), 1, nil, mayPassword, nil},
	{Card, lazyRE(`\b(?:\d[ -]?){12,18}\d\b`), 0, luhn, nil, cardRuns},
	{IBAN, lazyRE(`\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b`), 0, validIBAN, mayIBAN, nil},
	{Email, lazyRE(`(?i)\b[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}\b`), 0, nil, nil, addressRuns{}},
	{Phone, lazyRE(`(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d{2,4}(?:[\s.\-]\d{2,4}){2,4}\b`), 0, phoneLike, nil, phoneRuns},
}

// Redactor remembers the values it replaced.
type Redactor struct {
	byValue map[string]string // value → placeholder
	byHold  map[string]string // placeholder → value
	kindOf  map[string]Kind
	count   map[Kind]int
}

// New returns an empty Redactor.
func New() *Redactor {
	return &Redactor{byValue: map[string]string{}, byHold: map[string]string{}, kindOf: map[string]Kind{}, count: map[Kind]int{}}
}

// Apply returns s with every personal value and secret replaced by its
// placeholder, such as "[EMAIL_1]".
func (r *Redactor) Apply(s string) string {
	for _, ru := range rules {
		if !usePrefilters {
			s = ru.re().ReplaceAllStringFunc(s, r.replacer(ru))
			continue
		}
		if ru.runs != nil {
			s = replaceRuns(s, ru.runs, func(w string) string { return ru.re().ReplaceAllStringFunc(w, r.replacer(ru)) })
		} else if ru.may(s) {
			s = ru.re().ReplaceAllStringFunc(s, r.replacer(ru))
		}
	}
	return s
}

// replacer returns the replacement of one match of ru.
func (r *Redactor) replacer(ru rule) func(string) string {
	return func(m string) string {
		value := m
		if ru.group > 0 {
			sub := ru.re().FindStringSubmatch(m)
			if len(sub) <= ru.group || sub[ru.group] == "" {
				return m
			}
			value = sub[ru.group]
		}
		if strings.HasPrefix(value, "[") || (ru.valid != nil && !ru.valid(value)) {
			return m
		}
		return strings.Replace(m, value, r.hold(ru.kind, value), 1)
	}
}

func (r *Redactor) hold(k Kind, value string) string {
	if h, ok := r.byValue[value]; ok {
		return h
	}
	r.count[k]++
	h := fmt.Sprintf("[%s_%d]", k, r.count[k])
	r.byValue[value], r.byHold[h], r.kindOf[h] = h, value, k
	return h
}

var holdRE = lazyRE(`\[(?:SECRET|PASSWORD|CARD|IBAN|EMAIL|PHONE)_\d+\]`)

// Restore puts the original values back into a model's answer. Secrets,
// passwords and card numbers stay as placeholders: they never belong in a
// note. Unknown placeholders are left as they are.
func (r *Redactor) Restore(s string) string {
	if usePrefilters && !mayPlaceholder(s) {
		return s
	}
	return holdRE().ReplaceAllStringFunc(s, func(h string) string {
		v, ok := r.byHold[h]
		if !ok {
			return h
		}
		switch r.kindOf[h] {
		case Secret, Password, Card:
			return h
		}
		return v
	})
}

// Count returns how many distinct values were replaced.
func (r *Redactor) Count() int { return len(r.byValue) }

func luhn(s string) bool {
	var digits []int
	for _, c := range s {
		if c >= '0' && c <= '9' {
			digits = append(digits, int(c-'0'))
		}
	}
	if len(digits) < 13 || len(digits) > 19 {
		return false
	}
	sum := 0
	for i := range digits {
		d := digits[len(digits)-1-i]
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// validIBAN checks the ISO 13616 mod-97 checksum.
func validIBAN(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	s = s[4:] + s[:4]
	rem := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			rem = (rem*100 + int(c-'A'+10)) % 97
		default:
			return false
		}
	}
	return rem == 1
}

var dateRE = lazyRE(`^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}-\d{1,2}-\d{2,4}$`)

// phoneLike keeps dates, versions and amounts out of the phone rule: a
// phone has 8–15 digits and is not a date-shaped group of numbers.
func phoneLike(s string) bool {
	n := 0
	for _, c := range s {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	if n < 8 || n > 15 {
		return false
	}
	if strings.Contains(s, ".") && !strings.HasPrefix(s, "+") {
		return false // 2026.03.02, 10.4.2.1
	}
	if dateRE().MatchString(s) {
		return false // 2026-03-02, 02-03-2026
	}
	return strings.HasPrefix(s, "+") || strings.HasPrefix(s, "(") || strings.Count(s, " ")+strings.Count(s, "-") >= 2
}
