package guard

import (
	"regexp"
	"strings"
)

// secretPatterns find credentials by shape. Each names what it found.
// need lists strings one of which every match holds (a necessary
// condition, tested before the pattern runs; "bearer" in any ASCII case).
var secretPatterns = []struct {
	what string
	re   func() *regexp.Regexp
	need []string
}{
	{"an API key", lazyRE(`\b(?:sk|rk|pk)[-_](?:live[-_]|test[-_]|proj[-_])?[A-Za-z0-9_\-]{16,}`), []string{"k-", "k_"}},
	{"a GitHub token", lazyRE(`\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})`), []string{"gh", "github_pat_"}},
	{"an AWS access key", lazyRE(`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`), []string{"AKIA", "ASIA"}},
	{"a Slack token", lazyRE(`\bxox[abposr]-[A-Za-z0-9\-]{10,}`), []string{"xox"}},
	{"a Google API key", lazyRE(`\bAIza[0-9A-Za-z_\-]{35}`), []string{"AIza"}},
	{"a JSON web token", lazyRE(`\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}`), []string{"eyJ"}},
	{"a bearer token", lazyRE(`(?i)\bbearer\s+[A-Za-z0-9_\-.=+/]{16,}`), nil},
	{"a private key", lazyRE(`-----BEGIN [A-Z ]*PRIVATE KEY-----`), []string{"-----BEGIN "}},
}

// mayHold reports whether t holds one of need (always true for none).
func mayHold(t string, need []string) bool {
	for _, n := range need {
		if strings.Contains(t, n) {
			return true
		}
	}
	return len(need) == 0
}

// shapes is what one byte scan of a text says about the secret shapes
// it may hold: each field is a necessary condition of its pattern.
type shapes struct {
	digits  int  // ASCII digits in all (a card number has 13 or more)
	iban    bool // two capitals followed by two digits
	longRun bool // a run of 32 or more token characters
	bearer  bool // "bearer" in any ASCII case
}

func shapesOf(t string) shapes {
	var sh shapes
	run := 0
	for i := 0; i < len(t); i++ {
		b := t[i]
		if b >= '0' && b <= '9' {
			sh.digits++
		}
		if i+3 < len(t) && isUpperByte(b) && isUpperByte(t[i+1]) && isDigitByte(t[i+2]) && isDigitByte(t[i+3]) {
			sh.iban = true
		}
		if b|0x20 >= 'a' && b|0x20 <= 'z' || b >= '0' && b <= '9' || strings.IndexByte("_-+/=", b) >= 0 {
			if run++; run >= 32 {
				sh.longRun = true
			}
		} else {
			run = 0
		}
		if b|0x20 == 'b' && i+6 <= len(t) && strings.EqualFold(t[i:i+6], "bearer") {
			sh.bearer = true
		}
	}
	return sh
}

func isUpperByte(b byte) bool { return b >= 'A' && b <= 'Z' }

var (
	reCard     = lazyRE(`\b\d(?:[ -]?\d){12,18}\b`)
	reIBAN     = lazyRE(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b`)
	reLongTok  = lazyRE(`[A-Za-z0-9_\-+/=]{32,}`)
	rePassword = lazyRE(`(?i)\b(?:password|passwort|kennwort|passwd|pwd|pw|contraseña|clave|mot de passe|mdp|pin|api[ _-]?key|secret|token)\s*(?:is|ist|lautet|es|est|was|war)?\s*[:=]\s*(\S+)|(?i)\b(?:password|passwort|kennwort|contraseña|mot de passe)\s+(?:is|ist|lautet|es|est|was|war)\s+(\S+)`)
	keyWords   = lazyRE(`(?i)(?:token|key|secret|bearer|authorization|password|passwort|contraseña|mot de passe|session|cookie|clé|clave|schlüssel)\W{0,3}\S*\W{0,3}$`)
)

// secrets reports credentials and card data copied into u: card numbers
// (13–19 digits with a card prefix and a valid Luhn sum), IBANs (valid
// mod-97 check), API keys and tokens by their known shapes, long mixed
// tokens of 32+ characters (or hex, when a key word comes right before),
// and "password: …" in en/de/es/fr. Masked values ("****") pass.
func (c *linter) secrets(u *unit) {
	t := u.text
	sh := shapesOf(t)
	if sh.digits >= 13 {
		for _, m := range reCard().FindAllStringIndex(t, -1) {
			digits := strings.NewReplacer(" ", "", "-", "").Replace(t[m[0]:m[1]])
			if cardGroups(t[m[0]:m[1]]) && cardPrefix(digits) && luhn(digits) {
				c.secret(u, m[0], m[1], "a card number")
			}
		}
	}
	if sh.iban {
		for _, m := range reIBAN().FindAllStringIndex(t, -1) {
			if ibanValid(strings.ReplaceAll(t[m[0]:m[1]], " ", "")) {
				c.secret(u, m[0], m[1], "an IBAN")
			}
		}
	}
	for _, p := range secretPatterns {
		if !mayHold(t, p.need) || p.need == nil && !sh.bearer {
			continue
		}
		for _, m := range p.re().FindAllStringIndex(t, -1) {
			c.secret(u, m[0], m[1], p.what)
		}
	}
	if sh.longRun {
		c.longTokens(u)
	}
	c.passwords(u)
}

// longTokens reports long mixed tokens (32+ characters, or hex after a
// key word) that are not URL paths.
func (c *linter) longTokens(u *unit) {
	t := u.text
	for _, m := range reLongTok().FindAllStringIndex(t, -1) {
		tok := t[m[0]:m[1]]
		if strings.Contains(t[max(0, m[0]-3):m[0]], "://") || strings.ContainsAny(tok, "/") && !keyWords().MatchString(t[max(0, m[0]-40):m[0]]) {
			continue // a URL path
		}
		if mixed(tok) || (isHex(tok) && keyWords().MatchString(t[max(0, m[0]-40):m[0]])) {
			c.secret(u, m[0], m[1], "a token")
		}
	}
}

// passwords reports "password: …" and "password is …" with a value that
// is not masked.
func (c *linter) passwords(u *unit) {
	t := u.text
	if !mayPassword(t) {
		return
	}
	for _, m := range rePassword().FindAllStringSubmatchIndex(t, -1) {
		v := ""
		for g := 1; g <= 2; g++ {
			if m[2*g] >= 0 {
				v = t[m[2*g]:m[2*g+1]]
			}
		}
		v = strings.TrimRight(v, ".,;)")
		if v == "" || strings.Trim(v, "*•x×#") == "" || strings.HasPrefix(v, "[") || strings.HasPrefix(v, "<") {
			continue
		}
		if m[4] >= 0 && !strings.ContainsAny(v, "0123456789!@#$%^&*_-+=?") {
			continue // "password is expired"
		}
		c.secret(u, m[0], m[1], "a password")
	}
}

// passwordCues hold a piece of every key word rePassword starts with,
// lower-case ASCII ("pass" for password, passwort, passwd, mot de passe).
var passwordCues = []string{"pass", "kennwort", "pw", "contrase", "clave", "mdp", "pin", "api", "secret", "token"}

// mayPassword reports whether rePassword may match t: t holds a cue in
// any ASCII case, or "\u212a" or "\u017f", which (?i) reads as k and s.
func mayPassword(t string) bool {
	if strings.Contains(t, "\u212a") || strings.Contains(t, "\u017f") {
		return true
	}
	for _, cue := range passwordCues {
		if hasFoldASCII(t, cue) {
			return true
		}
	}
	return false
}

// hasFoldASCII reports whether s holds needle (lower-case ASCII) with
// capitals in s read as small letters.
func hasFoldASCII(s, needle string) bool {
	for i := 0; i+len(needle) <= len(s); i++ {
		j := 0
		for j < len(needle) && s[i+j]|0x20 == needle[j] && (s[i+j] >= 'A' && s[i+j] <= 'Z' || s[i+j] >= 'a' && s[i+j] <= 'z') {
			j++
		}
		if j == len(needle) {
			return true
		}
	}
	return false
}

// secret records a secret finding and hides its range from other rules.
func (c *linter) secret(u *unit, a, b int, what string) {
	if c.hidden == nil {
		c.hidden = map[*unit][][2]int{}
	}
	c.hidden[u] = append(c.hidden[u], [2]int{a, b})
	c.add("secret", u, a, b, what)
}

// isHidden reports whether [a, b) overlaps a secret found in u.
func (c *linter) isHidden(u *unit, a, b int) bool {
	for _, r := range c.hidden[u] {
		if a < r[1] && r[0] < b {
			return true
		}
	}
	return false
}

// cardGroups accepts how card numbers are written: one run of digits,
// groups of four (the last may be shorter), or Amex's 4-6-5.
func cardGroups(s string) bool {
	g := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	if len(g) == 1 {
		return true
	}
	if len(g) == 3 && len(g[0]) == 4 && len(g[1]) == 6 && len(g[2]) >= 4 && len(g[2]) <= 5 {
		return true
	}
	for i, p := range g {
		if len(p) != 4 && (i < len(g)-1 || len(p) > 4) {
			return false
		}
	}
	return true
}

func cardPrefix(d string) bool {
	if len(d) < 13 || len(d) > 19 {
		return false
	}
	switch d[0] {
	case '3', '4', '5', '6':
		return true
	case '2':
		return len(d) == 16 && d[:4] >= "2221" && d[:4] <= "2720"
	}
	return false
}

func luhn(d string) bool {
	sum := 0
	for i := 0; i < len(d); i++ {
		n := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

func ibanValid(s string) bool {
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	r := s[4:] + s[:4]
	mod := 0
	for i := 0; i < len(r); i++ {
		ch := r[i]
		switch {
		case ch >= '0' && ch <= '9':
			mod = (mod*10 + int(ch-'0')) % 97
		case ch >= 'A' && ch <= 'Z':
			mod = (mod*100 + int(ch-'A'+10)) % 97
		default:
			return false
		}
	}
	return mod == 1
}

// mixed reports a token of upper and lower case letters and digits: the
// shape of generated keys, not of words or ids.
func mixed(s string) bool {
	var up, lo, dg bool
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			up = true
		case r >= 'a' && r <= 'z':
			lo = true
		case r >= '0' && r <= '9':
			dg = true
		}
	}
	return up && lo && dg
}

func isHex(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}
