// Package errs gives every failure in Handoff a stable code and a human
// message. The code travels unchanged to every edge: the CLI prints
// "handoff: CODE: message", the worker answers {"error":{"code","message"}},
// and the wasm bridge rejects with a JS Error carrying `code`.
//
//	err := errs.New(errs.Format, "comments.json", `not a Zendesk comments response (no "comments")`)
//	errs.CodeOf(err) // "E_FORMAT"
//	err.Error()      // `E_FORMAT: comments.json: not a Zendesk comments response (no "comments")`
package errs

import (
	"errors"
	"fmt"
)

// Codes. They are part of the public contract: never rename one.
const (
	Format      = "E_FORMAT"      // input is not what it claims to be
	Empty       = "E_EMPTY"       // input holds no messages
	TooLarge    = "E_TOO_LARGE"   // input above a documented limit
	Unsupported = "E_UNSUPPORTED" // no adapter or plan fits
	Usage       = "E_USAGE"       // bad flags or arguments
	IO          = "E_IO"          // a file could not be read
	Template    = "E_TEMPLATE"    // a team template is invalid
	Model       = "E_MODEL"       // the model answered with something unusable
	Upstream    = "E_UPSTREAM"    // the model API failed
	Timeout     = "E_TIMEOUT"     // the model API did not answer in time
	Auth        = "E_AUTH"        // missing or wrong credentials
	Internal    = "E_INTERNAL"    // a bug in Handoff
)

// Error is a coded error. Where names the input it concerns (a file name,
// a section key), or is empty.
type Error struct {
	Code    string
	Where   string
	Message string
	Err     error // optional cause, kept for errors.Is / errors.As
}

// New returns a coded error about where (which may be empty).
func New(code, where, format string, args ...any) *Error {
	return &Error{Code: code, Where: where, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns a coded error that keeps err as its cause.
func Wrap(code, where string, err error) *Error {
	return &Error{Code: code, Where: where, Message: err.Error(), Err: err}
}

func (e *Error) Error() string {
	if e.Where == "" {
		return e.Code + ": " + e.Message
	}
	return e.Code + ": " + e.Where + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// CodeOf returns the code of the first *Error in err's chain, or E_INTERNAL
// for any other non-nil error, or "" for nil.
func CodeOf(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// MessageOf returns the message of err without its code prefix.
func MessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		if e.Where == "" {
			return e.Message
		}
		return e.Where + ": " + e.Message
	}
	if err == nil {
		return ""
	}
	return err.Error()
}
