//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"syscall/js"
)

// fetchDoer sends the model API requests through the Workers fetch API
// (net/http's transport cannot run in workerd). Unlike syumai/workers'
// fetch client it honours the request's context: a deadline aborts the
// fetch through an AbortController, so a hung upstream becomes E_TIMEOUT.
type fetchDoer struct{}

func (fetchDoer) Do(r *http.Request) (*http.Response, error) {
	ctx := r.Context()
	init := jsObject.New()
	init.Set("method", r.Method)
	h := jsHeaders.New()
	for k, vs := range r.Header {
		for _, v := range vs {
			h.Call("append", k, v)
		}
	}
	init.Set("headers", h)
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		r.Body.Close()
		if err != nil {
			return nil, err
		}
		if len(b) > 0 {
			init.Set("body", toUint8Array(b))
		}
	}
	ctrl := jsAbortCtrl.New()
	init.Set("signal", ctrl.Get("signal"))
	stop := context.AfterFunc(ctx, func() { ctrl.Call("abort") })
	defer stop()
	res, err := await(ctx, jsFetch.Invoke(r.URL.String(), init))
	if err != nil {
		return nil, orCtx(ctx, err)
	}
	buf, err := await(ctx, res.Call("arrayBuffer"))
	if err != nil {
		return nil, orCtx(ctx, err)
	}
	body := fromArrayBuffer(buf)
	status := res.Get("status").Int()
	return &http.Response{
		Status:        strconv.Itoa(status) + " " + http.StatusText(status),
		StatusCode:    status,
		Header:        toHeader(res.Get("headers")),
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       r,
	}, nil
}

func orCtx(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

func toUint8Array(b []byte) js.Value {
	a := jsUint8Array.New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

func fromArrayBuffer(buf js.Value) []byte {
	a := jsUint8Array.New(buf)
	b := make([]byte, a.Get("byteLength").Int())
	js.CopyBytesToGo(b, a)
	return b
}

// toHeader copies a JS Headers object.
func toHeader(h js.Value) http.Header {
	out := http.Header{}
	entries := jsArray.Call("from", h)
	for i, n := 0, entries.Length(); i < n; i++ {
		e := entries.Index(i)
		out.Add(e.Index(0).String(), e.Index(1).String())
	}
	return out
}
