//go:build js && wasm

package main

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"syscall/js"
)

// toRequest builds the request the handler sees from what the JS module
// passed: method, URL, headers as [[name, value], …] and the body bytes
// (read by the module, at most the body limit plus one byte).
func toRequest(method, rawURL string, headers, body js.Value) (*http.Request, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	r, err := http.NewRequest(method, u.String(), nil)
	if err != nil {
		return nil, err
	}
	r.Header = toHeader(headers)
	r.ContentLength = -1
	if cl := r.Header.Get("Content-Length"); cl != "" {
		r.ContentLength = parseLength(cl)
	}
	if b := toBytes(body); b != nil {
		r.Body = io.NopCloser(bytes.NewReader(b))
	} else {
		r.Body = http.NoBody
	}
	return r, nil
}

func parseLength(s string) int64 {
	var n int64
	for _, c := range s {
		if c < '0' || c > '9' || n > 1<<40 {
			return -1
		}
		n = n*10 + int64(c-'0')
	}
	return n
}

// toHeader reads [[name, value], …].
func toHeader(v js.Value) http.Header {
	h := http.Header{}
	if v.Type() != js.TypeObject {
		return h
	}
	for i, n := 0, v.Length(); i < n; i++ {
		e := v.Index(i)
		h.Add(e.Index(0).String(), e.Index(1).String())
	}
	return h
}

func fromHeader(h http.Header) js.Value {
	a := jsArray.New()
	for k, vs := range h {
		for _, v := range vs {
			a.Call("push", jsArray.Call("of", k, v))
		}
	}
	return a
}

func toBytes(v js.Value) []byte {
	if v.Type() != js.TypeObject {
		return nil
	}
	b := make([]byte, v.Get("byteLength").Int())
	js.CopyBytesToGo(b, v)
	return b
}

func fromBytes(b []byte) js.Value {
	a := jsUint8Array.New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

// toJS turns a step into the plain object the JS module reads.
func (s step) toJS(id int) js.Value {
	o := jsObject.New()
	o.Set("id", id)
	o.Set("kind", s.kind)
	switch s.kind {
	case "fetch":
		o.Set("method", s.method)
		o.Set("url", s.url)
		o.Set("headers", fromHeader(s.header))
		if len(s.body) > 0 {
			o.Set("body", fromBytes(s.body))
		}
		o.Set("ms", max(1, s.timeout.Milliseconds()))
	case "sleep":
		o.Set("ms", s.timeout.Milliseconds())
	case "kv":
		o.Set("op", s.method) // "get" or "put" (kv.go)
		o.Set("key", s.url)
		if s.method == "put" {
			o.Set("value", string(s.body))
		}
	case "d1":
		o.Set("statements", string(s.body)) // JSON [{sql, args}, …] (d1.go)
	case "response":
		status := s.status
		if status == 0 {
			status = http.StatusOK
		}
		o.Set("status", status)
		o.Set("headers", fromHeader(s.header))
		if len(s.body) > 0 && status != http.StatusNoContent && status != http.StatusNotModified {
			o.Set("body", fromBytes(s.body))
		}
	}
	return o
}

// toReply reads the JS module's {status, headers, body} or {timeout} or
// {error}.
func toReply(v js.Value) reply {
	if v.Type() != js.TypeObject {
		return reply{err: "no reply"}
	}
	if v.Get("timeout").Truthy() {
		return reply{timeout: true}
	}
	if e := v.Get("error"); e.Type() == js.TypeString {
		return reply{err: e.String()}
	}
	rp := reply{header: toHeader(v.Get("headers")), body: toBytes(v.Get("body"))}
	if s := v.Get("status"); s.Type() == js.TypeNumber {
		rp.status = s.Int()
	}
	return rp
}
