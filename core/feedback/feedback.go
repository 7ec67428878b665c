// Package feedback is what Handoff measures after a note is inserted:
// whether the receiver says it saved them time, how much the agent
// changed each section, and weekly figures from both. It holds no ticket
// text: tickets are known only by a salted hash, notes by their id.
//
//	s := feedback.Signer{Secret: secret}
//	yes := s.Link("https://handoff.acme.workers.dev", "hn_5ec82d633606", true)
//	// https://handoff.acme.workers.dev/f/hn_5ec82d633606?saved=yes&sig=…
//	ok := s.Verify("hn_5ec82d633606", true, sig) // false for another note or answer
package feedback

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"regexp"
	"strings"
)

// NoteIDPattern is the shape of a note id ("hn_" and hex).
var NoteIDPattern = regexp.MustCompile(`^hn_[0-9a-f]{6,32}$`)

// Signer signs and verifies feedback links with the team's secret.
type Signer struct {
	Secret string
}

// Sign returns the signature of one answer for one note. It binds both,
// so a link cannot be replayed into another note or flipped to the other
// answer.
func (s Signer) Sign(noteID string, saved bool) string {
	m := hmac.New(sha256.New, []byte(s.Secret))
	m.Write([]byte("handoff-feedback\x00" + noteID + "\x00" + answer(saved)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// Verify reports whether sig is the signature of that answer for that
// note, in constant time. An empty secret verifies nothing.
func (s Signer) Verify(noteID string, saved bool, sig string) bool {
	if s.Secret == "" || !NoteIDPattern.MatchString(noteID) {
		return false
	}
	return hmac.Equal([]byte(s.Sign(noteID, saved)), []byte(sig))
}

// Link returns the feedback link for one answer:
// BASE/f/NOTE?saved=yes|no&sig=….
func (s Signer) Link(base, noteID string, saved bool) string {
	q := url.Values{"saved": {answer(saved)}, "sig": {s.Sign(noteID, saved)}}
	return strings.TrimRight(base, "/") + "/f/" + url.PathEscape(noteID) + "?" + q.Encode()
}

func answer(saved bool) string {
	if saved {
		return "yes"
	}
	return "no"
}

// ParseAnswer reads "yes" or "no" (case-insensitive).
func ParseAnswer(s string) (saved, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes":
		return true, true
	case "no":
		return false, true
	}
	return false, false
}

// HashTicket returns the team-salted hash of a ticket's source and id, so
// events can be grouped per ticket without naming it.
//
//	HashTicket("salt", "zendesk", "48213") // 32 hex characters
func HashTicket(salt, source, id string) string {
	h := sha256.Sum256([]byte(salt + "\x00" + source + "\x00" + id))
	return hex.EncodeToString(h[:16])
}
