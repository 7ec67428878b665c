package handler

import (
	"encoding/json"
	"net/http"
	"strconv"

	"handoff/core/errs"
)

// Codes the worker adds to core/errs for refusals only an HTTP edge makes.
const (
	CodeForbidden   = "E_FORBIDDEN"    // the Origin is not in ALLOWED_ORIGINS
	CodeRateLimited = "E_RATE_LIMITED" // the token used up its requests this minute
	CodeNotFound    = "E_NOT_FOUND"    // no such endpoint
	CodeMethod      = "E_METHOD"       // the endpoint does not take this method
	CodeConfig      = "E_CONFIG"       // the worker's own settings are invalid
)

// statusOf is the one table from error codes to HTTP status. A code not
// listed is a bug on the worker's side: 500.
var statusOf = map[string]int{
	errs.Format:      http.StatusBadRequest,
	errs.Empty:       http.StatusBadRequest,
	errs.Usage:       http.StatusBadRequest,
	errs.Template:    http.StatusBadRequest,
	errs.Unsupported: http.StatusBadRequest,
	errs.Auth:        http.StatusUnauthorized,
	CodeForbidden:    http.StatusForbidden,
	CodeNotFound:     http.StatusNotFound,
	CodeMethod:       http.StatusMethodNotAllowed,
	errs.TooLarge:    http.StatusRequestEntityTooLarge,
	CodeDuplicate:    http.StatusConflict,
	CodeRateLimited:  http.StatusTooManyRequests,
	errs.Model:       http.StatusBadGateway,
	errs.Upstream:    http.StatusBadGateway,
	errs.Timeout:     http.StatusGatewayTimeout,
	CodeConfig:       http.StatusInternalServerError,
}

// StatusOf returns the HTTP status the worker answers for err's code.
//
//	StatusOf(errs.New(errs.Timeout, "", "slow")) // 504
//	StatusOf(errors.New("boom"))                 // 500 (E_INTERNAL)
func StatusOf(err error) int {
	if s, ok := statusOf[errs.CodeOf(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON every failure answers with.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError answers {"error":{"code","message"}} with the status of the
// table. Internal errors get a generic message: their detail may hold
// anything and goes to the log only (without ticket text).
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error, retryAfter int) {
	code, msg := errs.CodeOf(err), errs.MessageOf(err)
	status := StatusOf(err)
	if _, known := statusOf[code]; !known {
		code, msg = errs.Internal, "the worker failed; the administrator can see the detail in its log"
	}
	s.log(r, status, code, errs.MessageOf(err))
	if retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	}
	var b errorBody
	b.Error.Code, b.Error.Message = code, s.scrub(msg)
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":{"code":"E_INTERNAL","message":"could not encode the answer"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}
