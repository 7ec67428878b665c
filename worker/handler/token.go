package handler

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"strings"

	"handoff/core/errs"
)

// Token is one accepted credential, kept only as its SHA-256 so that a
// raw token and a "sha256:<hex>" entry compare the same way.
type Token struct {
	sum [sha256.Size]byte
	set bool
}

// ParseToken reads one token setting: the token itself, or "sha256:" and
// the 64 hex digits of its SHA-256 (so the raw token need not be stored).
//
//	ParseToken("team-secret-1")                     // accepts "team-secret-1"
//	ParseToken("sha256:" + hex(sha256("team-secret-1"))) // the same
//
// A sha256: entry that is not 64 hex digits fails with E_USAGE.
func ParseToken(s string) (Token, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Token{}, errs.New(errs.Usage, "", "an empty token")
	}
	if rest, ok := strings.CutPrefix(s, "sha256:"); ok {
		b, err := hex.DecodeString(rest)
		if err != nil || len(b) != sha256.Size {
			return Token{}, errs.New(errs.Usage, "", "a sha256: token needs 64 hex digits")
		}
		var t Token
		copy(t.sum[:], b)
		t.set = true
		return t, nil
	}
	return Token{sum: sha256.Sum256([]byte(s)), set: true}, nil
}

// ParseTokens reads a comma-separated list of tokens; "" gives none.
func ParseTokens(s string) ([]Token, error) {
	var out []Token
	for _, f := range splitList(s) {
		t, err := ParseToken(f)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// matches reports in constant time (for a given list) whether presented
// is t.
func (t Token) matches(presented [sha256.Size]byte) bool {
	return t.set && subtle.ConstantTimeCompare(t.sum[:], presented[:]) == 1
}

// match returns the index of the token presented in tokens, or -1. Every
// entry is compared, so timing does not tell which one matched.
func match(tokens []Token, presented string) int {
	sum := sha256.Sum256([]byte(presented))
	found := -1
	for i, t := range tokens {
		if t.matches(sum) && found < 0 {
			found = i
		}
	}
	return found
}

// bearer returns the token of an "Authorization: Bearer <token>" header.
func bearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}
