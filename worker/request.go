//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"syscall/js"
)

// toRequest turns a JS Request into an *http.Request whose body is read
// from the JS stream only as far as the handler reads it (so the body
// limit stops a large upload early).
func toRequest(ctx context.Context, req js.Value) (*http.Request, error) {
	u, err := url.Parse(req.Get("url").String())
	if err != nil {
		return nil, err
	}
	h := toHeader(req.Get("headers"))
	n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
	if err != nil {
		n = -1
	}
	var body io.ReadCloser = http.NoBody
	if s := req.Get("body"); !s.IsNull() && !s.IsUndefined() {
		body = &streamBody{ctx: ctx, stream: s}
	}
	r := (&http.Request{Method: req.Get("method").String(), URL: u, Header: h, Body: body,
		ContentLength: n, Host: u.Host, RequestURI: u.RequestURI(), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}).WithContext(ctx)
	return r, nil
}

// streamBody reads a ReadableStream chunk by chunk, from the first Read.
type streamBody struct {
	ctx    context.Context
	stream js.Value
	reader js.Value
	buf    bytes.Buffer
	done   bool
}

func (b *streamBody) Read(p []byte) (int, error) {
	if b.reader.IsUndefined() {
		b.reader = b.stream.Call("getReader")
	}
	for b.buf.Len() == 0 {
		if b.done {
			return 0, io.EOF
		}
		res, err := await(b.ctx, b.reader.Call("read"))
		if err != nil {
			return 0, err
		}
		if res.Get("done").Bool() {
			b.done = true
			continue
		}
		v := res.Get("value")
		chunk := make([]byte, v.Get("byteLength").Int())
		js.CopyBytesToGo(chunk, v)
		b.buf.Write(chunk)
	}
	return b.buf.Read(p)
}

// Close leaves an unread body to workerd, which discards it.
func (b *streamBody) Close() error {
	b.done = true
	return nil
}

// recorder collects the handler's answer; answers are small JSON.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(b)
}

// toJSResponse builds the JS Response.
func (r *recorder) toJSResponse() js.Value {
	status := r.status
	if status == 0 {
		status = http.StatusOK
	}
	init := jsObject.New()
	init.Set("status", status)
	h := jsHeaders.New()
	for k, vs := range r.header {
		for _, v := range vs {
			h.Call("append", k, v)
		}
	}
	init.Set("headers", h)
	body := js.Null()
	if status != http.StatusNoContent && status != http.StatusNotModified && r.body.Len() > 0 {
		body = toUint8Array(r.body.Bytes())
	}
	return jsResponse.New(body, init)
}
