package handler

import (
	"html"
	"net/http"
	"strings"

	"handoff/core/errs"
	"handoff/core/feedback"
)

// feedbackLink serves GET /f/<note id>?saved=yes|no&sig=…, the links in
// an inserted note's marker, for receivers without the extension. It
// records the answer once and answers a one-line page: static text, no
// ticket data, no script. HEAD (link scanners, unfurlers) records nothing.
//
//	200 "Thank you — your answer was recorded."
//	400 a link whose signature does not fit its note and answer
//	404 a note this worker never drafted or signed
//	409 the note already has an answer (a replayed or the other link)
func (s *Server) feedbackLink(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.page(w, r, errs.New(CodeMethod, "", "use GET"))
		return
	}
	noteID := strings.TrimPrefix(r.URL.Path, "/f/")
	saved, ok := feedback.ParseAnswer(r.URL.Query().Get("saved"))
	switch {
	case s.cfg.FeedbackSecret == "":
		s.page(w, r, errs.New(errs.Unsupported, "", "feedback links are not set up on this worker (HANDOFF_FEEDBACK_SECRET)"))
	case !ok || !(feedback.Signer{Secret: s.cfg.FeedbackSecret}).Verify(noteID, saved, r.URL.Query().Get("sig")):
		s.page(w, r, errs.New(errs.Format, "", "this feedback link is not valid: it may be incomplete or altered"))
	case r.Method == http.MethodHead:
		s.page(w, r, nil)
	default:
		s.page(w, r, s.record(r, feedback.Answer{NoteID: noteID, Saved: saved, Via: "link", At: s.clock()}))
	}
}

// pageText is what each outcome's page says.
var pageText = map[string]string{
	"":               "Thank you — your answer was recorded.",
	CodeDuplicate:    "An answer for this handoff was already recorded — the first answer counts. Thank you.",
	CodeNotFound:     "This handoff is not known to this Handoff worker, so nothing was recorded.",
	errs.Format:      "This feedback link is not valid (it may be incomplete or altered), so nothing was recorded.",
	errs.Unsupported: "Feedback is not set up on this Handoff worker, so nothing was recorded.",
	CodeMethod:       "Open this feedback link in a browser.",
}

// page answers a one-line HTML page for err's outcome (nil: recorded),
// with the status of the error table, and logs a failure's code.
func (s *Server) page(w http.ResponseWriter, r *http.Request, err error) {
	status, code := http.StatusOK, ""
	if err != nil {
		status, code = StatusOf(err), errs.CodeOf(err)
		s.log(r, status, code, errs.MessageOf(err))
	}
	text, ok := pageText[code]
	if !ok {
		text = "Something went wrong on the Handoff worker, so nothing was recorded. Please try the link again later."
	}
	body := "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
		"<title>Handoff feedback</title></head><body><p>" + html.EscapeString(text) + "</p></body></html>\n"
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write([]byte(body))
	}
}
