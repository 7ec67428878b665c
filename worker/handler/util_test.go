package handler_test

import (
	"net/http"
	"net/http/httptest"

	"handoff/core/errs"
)

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

func httptestRequest(method, path string) *http.Request {
	return httptest.NewRequest(method, path, nil)
}

func codeErr(code string) error { return errs.New(code, "", "test") }
