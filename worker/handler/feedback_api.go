package handler

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"handoff/core/errs"
	"handoff/core/feedback"
)

// Limits of the feedback endpoints.
const (
	MaxReasonChars = 500 // characters of a receiver's reason
	MaxEvents      = 100 // events in one POST /v1/events
	// DefaultStatsWeeks is how many weeks GET /v1/stats covers unless ?weeks= says (at most 104).
	DefaultStatsWeeks = 26
	smallBody         = 8 << 10   // POST /v1/feedback and /v1/links
	eventsBody        = 256 << 10 // POST /v1/events
)

// CodeDuplicate refuses a second answer for a note (409).
const CodeDuplicate = "E_DUPLICATE"

var (
	eventIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{8,64}$`)
	keyPattern     = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)
	rulePattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,63}$`)
	sourcePattern  = regexp.MustCompile(`^[a-z0-9_-]{1,32}$`)
)

// routeFeedback adds the feedback endpoints to the mux.
func (s *Server) routeFeedback() {
	s.mux.Handle("/v1/links", s.authed(s.links))
	s.mux.Handle("/v1/feedback", s.authed(s.answer))
	s.mux.Handle("/v1/events", s.authed(s.events))
	s.mux.Handle("/v1/stats", s.authed(s.stats))
	s.mux.HandleFunc("/f/", s.feedbackLink)
}

// store returns the feedback store, or E_UNSUPPORTED when none is bound.
func (s *Server) feedbackStore() (FeedbackStore, error) {
	if s.feedback == nil {
		return nil, errs.New(errs.Unsupported, "", "feedback is not stored here: bind a D1 database as HANDOFF_DB (worker/README.md)")
	}
	return s.feedback, nil
}

func (s *Server) clock() time.Time {
	if s.now != nil {
		return s.now().UTC()
	}
	return time.Now().UTC()
}

// readJSON reads a body of at most limit bytes into v, refusing unknown
// fields: E_TOO_LARGE, E_FORMAT or E_USAGE.
func readJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	if r.Method != http.MethodPost {
		return errs.New(CodeMethod, "", "use POST")
	}
	tooLarge := errs.New(errs.TooLarge, "", "the request is larger than %d bytes", limit)
	if r.ContentLength > limit {
		return tooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return tooLarge
		}
		return errs.New(errs.IO, "", "could not read the request body")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if strings.Contains(err.Error(), "unknown field") {
			return errs.New(errs.Usage, "", "%v", err)
		}
		return errs.New(errs.Format, "", "the body is not the expected JSON: %v", err)
	}
	return nil
}

// LinksRequest is the body of POST /v1/links: {"note_id":"hn_5ec82d633606"}.
type LinksRequest struct {
	NoteID string `json:"note_id"`
}

// LinksAnswer is its answer: the two signed feedback links.
type LinksAnswer struct {
	Yes string `json:"yes"`
	No  string `json:"no"`
}

// links signs the two feedback links of a note and announces the note.
func (s *Server) links(w http.ResponseWriter, r *http.Request, _ caller) {
	var req LinksRequest
	err := readJSON(w, r, smallBody, &req)
	if err == nil && !feedback.NoteIDPattern.MatchString(req.NoteID) {
		err = errs.New(errs.Format, "note_id", "not a note id (hn_ and 6–32 hex digits)")
	}
	if err == nil && s.cfg.FeedbackSecret == "" {
		err = errs.New(errs.Unsupported, "", "feedback links need HANDOFF_FEEDBACK_SECRET (worker/README.md)")
	}
	var st FeedbackStore
	if err == nil {
		st, err = s.feedbackStore()
	}
	if err == nil {
		err = storeErr(st.Announce(r.Context(), req.NoteID, s.clock()))
	}
	if err != nil {
		s.writeError(w, r, err, 0)
		return
	}
	sg, base := feedback.Signer{Secret: s.cfg.FeedbackSecret}, s.publicURL(r)
	writeJSON(w, http.StatusOK, LinksAnswer{Yes: sg.Link(base, req.NoteID, true), No: sg.Link(base, req.NoteID, false)})
}

// publicURL is HANDOFF_PUBLIC_URL, else the scheme and host the request came to.
func (s *Server) publicURL(r *http.Request) string {
	if s.cfg.PublicURL != "" {
		return s.cfg.PublicURL
	}
	scheme := r.URL.Scheme
	if scheme == "" {
		scheme = "http"
		if r.TLS != nil {
			scheme = "https"
		}
	}
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	return scheme + "://" + host
}

func storeErr(err error) error {
	if err == nil {
		return nil
	}
	return errs.New(errs.Upstream, "", "the feedback database failed: %v", err)
}

// AnswerRequest is the body of POST /v1/feedback, sent by the extension
// of someone who received a handoff:
//
//	{"note_id":"hn_5ec82d633606","saved":false,"reason":"had to ask for the logs"}
type AnswerRequest struct {
	NoteID string `json:"note_id"`
	Saved  *bool  `json:"saved"`
	Reason string `json:"reason,omitempty"`
}

// answer records the first answer for an announced note: 404 for a note
// never announced, 409 E_DUPLICATE for a second answer, 413 for a reason
// over MaxReasonChars.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, _ caller) {
	var req AnswerRequest
	if err := readJSON(w, r, smallBody, &req); err != nil {
		s.writeError(w, r, err, 0)
		return
	}
	reason := strings.TrimSpace(req.Reason)
	var err error
	switch {
	case !feedback.NoteIDPattern.MatchString(req.NoteID):
		err = errs.New(errs.Format, "note_id", "not a note id (hn_ and 6–32 hex digits)")
	case req.Saved == nil:
		err = errs.New(errs.Format, "saved", "say whether the handoff saved time: true or false")
	case !utf8.ValidString(reason):
		err = errs.New(errs.Format, "reason", "the reason is not valid UTF-8")
	case utf8.RuneCountInString(reason) > MaxReasonChars:
		err = errs.New(errs.TooLarge, "reason", "the reason is longer than %d characters", MaxReasonChars)
	}
	if err == nil {
		err = s.record(r, feedback.Answer{NoteID: req.NoteID, Saved: *req.Saved, Reason: reason, Via: "extension", At: s.clock()})
	}
	if err != nil {
		s.writeError(w, r, err, 0)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"recorded": true})
}

// record stores a's answer if its note is known and has none yet.
func (s *Server) record(r *http.Request, a feedback.Answer) error {
	st, err := s.feedbackStore()
	if err != nil {
		return err
	}
	known, err := st.Known(r.Context(), a.NoteID)
	if err != nil {
		return storeErr(err)
	}
	if !known {
		return errs.New(CodeNotFound, "note_id", "no handoff %s was drafted with this worker", a.NoteID)
	}
	added, err := st.AddAnswer(r.Context(), a)
	if err != nil {
		return storeErr(err)
	}
	if !added {
		return errs.New(CodeDuplicate, "note_id", "an answer for %s was already recorded; the first answer counts", a.NoteID)
	}
	return nil
}

// EventsRequest is the body of POST /v1/events: drafting events, never
// ticket text. The ticket id is hashed here with HANDOFF_TEAM_SALT and
// never stored as sent.
//
//	{"events":[{"id":"ev_4f1c2a9b7d","kind":"insert","note_id":"hn_5ec82d633606",
//	  "ticket":{"source":"zendesk","id":"48213"},"ready":true,"engine":"worker",
//	  "edit_share":{"problem":0.1,"tried":0.4},"findings":["cite.missing"]}]}
type EventsRequest struct {
	Events []EventIn `json:"events"`
}

// EventIn is one event as a client sends it.
type EventIn struct {
	ID        string             `json:"id"`   // the client's unique id: a resend is stored once
	Kind      string             `json:"kind"` // "draft" or "insert"
	NoteID    string             `json:"note_id"`
	Ticket    *TicketRef         `json:"ticket,omitempty"`
	Ready     bool               `json:"ready"`
	Engine    string             `json:"engine,omitempty"`
	EditShare map[string]float64 `json:"edit_share,omitempty"`
	Findings  []string           `json:"findings,omitempty"`
}

// TicketRef names a ticket; only its salted hash is stored.
type TicketRef struct {
	Source string `json:"source"`
	ID     string `json:"id"`
}

// events validates and stores drafting events; it answers how many were
// new ({"stored":2,"duplicates":0}).
func (s *Server) events(w http.ResponseWriter, r *http.Request, _ caller) {
	var req EventsRequest
	err := readJSON(w, r, eventsBody, &req)
	var evs []feedback.Event
	if err == nil {
		evs, err = s.checkEvents(req.Events)
	}
	var st FeedbackStore
	if err == nil {
		st, err = s.feedbackStore()
	}
	added := 0
	if err == nil {
		added, err = st.AddEvents(r.Context(), evs)
		err = storeErr(err)
	}
	if err != nil {
		s.writeError(w, r, err, 0)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"stored": added, "duplicates": len(evs) - added})
}

// checkEvents turns the request's events into stored events, or names
// the first one that is not well formed (E_FORMAT, E_TOO_LARGE).
func (s *Server) checkEvents(in []EventIn) ([]feedback.Event, error) {
	if len(in) == 0 {
		return nil, errs.New(errs.Empty, "events", "no events")
	}
	if len(in) > MaxEvents {
		return nil, errs.New(errs.TooLarge, "events", "more than %d events in one request", MaxEvents)
	}
	now := s.clock()
	out := make([]feedback.Event, 0, len(in))
	for i, e := range in {
		where := "events[" + strconv.Itoa(i) + "]"
		bad := func(what string) error { return errs.New(errs.Format, where, "%s", what) }
		switch {
		case !eventIDPattern.MatchString(e.ID):
			return nil, bad("id must be 8–64 letters, digits, _ or -")
		case e.Kind != "draft" && e.Kind != "insert":
			return nil, bad(`kind must be "draft" or "insert"`)
		case !feedback.NoteIDPattern.MatchString(e.NoteID):
			return nil, bad("note_id is not a note id")
		case e.Engine != "" && !keyPattern.MatchString(strings.ReplaceAll(e.Engine, "-", "_")):
			return nil, bad("engine is not an engine name")
		case len(e.EditShare) > 32 || len(e.Findings) > 64:
			return nil, bad("too many sections or findings")
		case e.Ticket != nil && (!sourcePattern.MatchString(e.Ticket.Source) || e.Ticket.ID == "" || len(e.Ticket.ID) > 128):
			return nil, bad("ticket needs a source name and an id of at most 128 bytes")
		}
		for k, v := range e.EditShare {
			if !keyPattern.MatchString(k) || math.IsNaN(v) || v < 0 || v > 1 {
				return nil, bad("edit_share maps section keys to shares from 0 to 1")
			}
		}
		for _, f := range e.Findings {
			if !rulePattern.MatchString(f) {
				return nil, bad("findings are rule ids (letters, digits, . _ -)")
			}
		}
		ev := feedback.Event{ID: e.ID, Kind: e.Kind, NoteID: e.NoteID, At: now, Ready: e.Ready, Engine: e.Engine,
			EditShare: e.EditShare, Findings: e.Findings}
		if e.Ticket != nil && s.cfg.TeamSalt != "" {
			ev.TicketHash = feedback.HashTicket(s.cfg.TeamSalt, e.Ticket.Source, e.Ticket.ID)
		}
		out = append(out, ev)
	}
	return out, nil
}

// StatsAnswer is the body of GET /v1/stats: the weekly figures, oldest
// first, and the same figures over the whole period.
type StatsAnswer struct {
	Since   string          `json:"since"` // the first day covered
	Weeks   []feedback.Week `json:"weeks"`
	Overall feedback.Week   `json:"overall"`
}

// stats answers feedback.Weekly over the last ?weeks= weeks (admin token only).
func (s *Server) stats(w http.ResponseWriter, r *http.Request, c caller) {
	if r.Method != http.MethodGet {
		s.writeError(w, r, errs.New(CodeMethod, "", "use GET"), 0)
		return
	}
	if !c.admin {
		s.writeError(w, r, errs.New(errs.Auth, "", "team results need HANDOFF_ADMIN_TOKEN"), 0)
		return
	}
	weeks := DefaultStatsWeeks
	if v := r.URL.Query().Get("weeks"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 104 {
			s.writeError(w, r, errs.New(errs.Usage, "weeks", "weeks must be a whole number from 1 to 104"), 0)
			return
		}
		weeks = n
	}
	st, err := s.feedbackStore()
	if err != nil {
		s.writeError(w, r, err, 0)
		return
	}
	now := s.clock()
	monday := now.AddDate(0, 0, -((int(now.Weekday())+6)%7)-7*(weeks-1))
	since := time.Date(monday.Year(), monday.Month(), monday.Day(), 0, 0, 0, 0, time.UTC)
	es, as, err := st.Since(r.Context(), since)
	if err != nil {
		s.writeError(w, r, storeErr(err), 0)
		return
	}
	writeJSON(w, http.StatusOK, StatsAnswer{Since: since.Format("2006-01-02"), Weeks: feedback.Weekly(es, as), Overall: feedback.Overall(es, as)})
}
