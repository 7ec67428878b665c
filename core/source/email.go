//go:build !nomail

package source

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"
	"unicode"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// The "email" adapter reads e-mail: an .eml file (RFC 5322, MIME), or a
// chain a support agent pasted as text. Several files (a folder of .eml
// files, one per message) make one thread; a message quoted in a later
// file and present as a file of its own is kept once.
//
// The newest message is the mail itself (its From, Date, Message-ID and
// attachments); the history quoted inside it ("On … wrote:", Outlook
// header blocks, forwarded messages, in many languages) becomes earlier
// messages, each with the author, address and date of its header, so
//
//	From: Ana <ana@shop.example>          → #1 Ana, 09:14 "Export gives a 502."
//	Date: Mon, 2 Mar 2026 11:02 +0100     → #2 Ana, 11:02 "Still broken."
//	Still broken.
//	On Mon, 2 Mar 2026 at 09:14, Ana <ana@shop.example> wrote:
//	> Export gives a 502.
//
// Text/plain is preferred; a mail with only text/html is rendered with
// clean.HTMLToText and split the same way (clean.HTML when it holds no
// history). Each message's text goes through clean.Text; what the cleaner
// removed, and the header of the message quoted below, are kept in
// Quoted. Roles follow assignRoles. Input that is neither gives E_FORMAT;
// it never panics.
func init() {
	register(Adapter{
		Name:     "email",
		Priority: 80,
		Detect:   detectEmail,
		Parse:    parseEmail,
	})
}

// detectScan bounds how much of a file detection looks at.
const detectScan = 1 << 20

func detectEmail(files []File) bool {
	if len(files) == 0 {
		return false
	}
	for _, f := range files {
		if !isEML(f.Body) && !isTextChain(f.Body) {
			return false
		}
	}
	return true
}

var reHeaderName = lazyRegexp(`^[!-9;-~]+:`)

// isEML reports whether b starts with an RFC 5322 header block holding
// From: and one of Date:, Received:, MIME-Version:, Message-ID:.
func isEML(b []byte) bool {
	if len(b) > detectScan {
		b = b[:detectScan]
	}
	b = bytes.TrimLeft(b, "\r\n\t ")
	if bytes.HasPrefix(b, []byte("From ")) { // an mbox "From " line
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[i+1:]
		}
	}
	from, other := false, false
	for n, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 || n > 500 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if n == 0 {
				return false
			}
			continue
		}
		if !reHeaderName().Match(line) {
			return false
		}
		name := strings.ToLower(string(line[:bytes.IndexByte(line, ':')]))
		switch name {
		case "from":
			from = true
		case "date", "received", "mime-version", "message-id":
			other = true
		}
	}
	return from && other
}

// isTextChain reports whether b is plain text (not JSON or HTML) holding
// at least one header block or reply separator.
func isTextChain(b []byte) bool {
	if len(b) > detectScan {
		b = b[:detectScan]
	}
	t := bytes.TrimSpace(b)
	if len(t) == 0 || bytes.IndexByte(t, 0) >= 0 {
		return false
	}
	switch t[0] {
	case '{', '[', '<':
		return false
	}
	parts := splitChain(string(t))
	return len(parts) > 1
}

func parseEmail(p Payload) (*thread.Thread, error) {
	th := &thread.Thread{Source: "email", Complete: true}
	var all []thread.Message
	var subjects []string
	var replyTo []string
	for _, f := range p.Files {
		if len(bytes.TrimSpace(f.Body)) == 0 {
			return nil, errs.New(errs.Empty, f.Name, "empty file")
		}
		if isEML(f.Body) {
			m, err := readEML(f)
			if err != nil {
				return nil, err
			}
			all = append(all, m.messages...)
			subjects = append(subjects, m.subject)
			replyTo = append(replyTo, m.replyTo)
			continue
		}
		if bytes.IndexByte(f.Body, 0) >= 0 {
			return nil, errs.New(errs.Format, f.Name, "not an e-mail: binary content")
		}
		ms, subj := chainMessages(splitChain(decodeCharset("", f.Body)), nil)
		all = append(all, ms...)
		subjects = append(subjects, subj)
	}
	th.Messages = dedupeMessages(all)
	assignRoles(th.Messages, replyTo)
	for _, s := range subjects {
		if s != "" {
			th.Ticket.Subject = stripReplyPrefix(s)
			break
		}
	}
	for _, m := range th.Messages {
		if th.Ticket.Requester.Email == "" && th.Ticket.Requester.Name == "" && m.Author.Role == thread.Customer {
			th.Ticket.Requester = m.Author
		}
		if !m.At.IsZero() && (th.Ticket.Created.IsZero() || m.At.Before(th.Ticket.Created)) {
			th.Ticket.Created = m.At
		}
		if m.At.After(th.Ticket.Updated) {
			th.Ticket.Updated = m.At
		}
	}
	return th, nil
}

// emlTop is what the mail's own headers say about its newest message.
type emlTop struct {
	author      thread.Person
	at          time.Time
	id          string
	attachments []string
}

// chainMessages turns parts (newest first) into messages oldest first.
// The top part becomes a message when it has text or attachments; the
// subject returned is the oldest one found in a header block.
func chainMessages(parts []chainPart, t *emlTop) ([]thread.Message, string) {
	var ms []thread.Message
	subject := ""
	for k := len(parts) - 1; k >= 0; k-- {
		p := parts[k]
		if p.Subject != "" && subject == "" {
			subject = p.Subject
		}
		r := clean.Text(p.Body)
		m := thread.Message{
			Author:     thread.Person{Name: p.Name, Email: p.Email},
			Visibility: thread.Public,
			At:         p.At,
			Channel:    "email",
			Text:       r.Text,
			Quoted:     joinQuoted(r.Quoted, r.Signature, p.Next),
			Forwarded:  p.Forwarded || r.Forwarded,
		}
		if k == 0 && t != nil {
			m.Author, m.At, m.ID, m.Attachments = t.author, t.at, t.id, t.attachments
		}
		if k == 0 && p.Header == "" && strings.TrimSpace(m.Text) == "" && len(m.Attachments) == 0 && len(parts) > 1 {
			continue
		}
		ms = append(ms, m)
	}
	return ms, subject
}

func joinQuoted(ss ...string) string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n\n")
}

var reReplyPrefix = lazyRegexp(`(?i)^(?:(?:re|aw|wg|fw|fwd|tr|rv|sv|vs|vl|odp|enc|res|antw|ynt|rif|r)\s*(?:\[\d+\])?\s*:\s*)+`)

// stripReplyPrefix turns "Re: AW: Fwd: Refund" into "Refund".
func stripReplyPrefix(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	return strings.TrimSpace(reReplyPrefix().ReplaceAllString(s, ""))
}

// dedupeMessages keeps one message per author and opening text within
// fourteen hours (a quoted header often prints the time without its zone,
// read as UTC): a message quoted in a later mail and present as a mail of
// its own is kept once, preferring the copy with a Message-ID.
func dedupeMessages(ms []thread.Message) []thread.Message {
	type key struct{ who, text string }
	seen := map[key][]int{}
	var out []thread.Message
	for _, m := range ms {
		who := strings.ToLower(m.Author.Email)
		if who == "" {
			who = strings.ToLower(m.Author.Name)
		}
		k := key{who, textKey(m.Text)}
		if who == "" || k.text == "" || m.At.IsZero() {
			out = append(out, m)
			continue
		}
		dup := -1
		for _, i := range seen[k] {
			if d := out[i].At.Sub(m.At); d < 14*time.Hour && d > -14*time.Hour {
				dup = i
				break
			}
		}
		if dup >= 0 {
			if out[dup].ID == "" && m.ID != "" {
				out[dup] = m
			}
			continue
		}
		seen[k] = append(seen[k], len(out))
		out = append(out, m)
	}
	return out
}

// textKey is the start of a text, letters and digits only, so a quoted
// copy re-wrapped by a mail client still matches its original.
func textKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			if b.Len() >= 48 {
				break
			}
		}
	}
	return b.String()
}

// emlResult is what one .eml file gives.
type emlResult struct {
	messages []thread.Message
	subject  string
	replyTo  string
}

var wordDecoder = &mime.WordDecoder{CharsetReader: charsetReader}

func readEML(f File) (emlResult, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(bytes.TrimLeft(skipMboxLine(f.Body), "\r\n\t ")))
	if err != nil {
		return emlResult{}, errs.New(errs.Format, f.Name, "not an e-mail message: %v", err)
	}
	h := msg.Header
	var t emlTop
	t.author = headerPerson(h.Get("From"))
	if d, err := h.Date(); err == nil {
		t.at = d
	} else {
		t.at = ParseMailDate(h.Get("Date"))
	}
	t.id = strings.Trim(strings.TrimSpace(h.Get("Message-Id")), "<>")
	var body mailBody
	walkPart(textproto.MIMEHeader(h), msg.Body, 0, &body)
	t.attachments = body.attachments

	var parts []chainPart
	switch {
	case body.plain != "" || body.html == "":
		parts = splitChain(body.plain)
	default:
		parts = splitChain(clean.HTMLToText(body.html))
		if len(parts) == 1 {
			r := clean.HTML(body.html)
			parts[0].Body = r.Text
		}
	}
	ms, _ := chainMessages(parts, &t)
	return emlResult{messages: ms, subject: decodeMailWords(h.Get("Subject")), replyTo: headerPerson(h.Get("Reply-To")).Email}, nil
}

func skipMboxLine(b []byte) []byte {
	if bytes.HasPrefix(b, []byte("From ")) {
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return b[i+1:]
		}
	}
	return b
}

func decodeMailWords(s string) string {
	if d, err := wordDecoder.DecodeHeader(s); err == nil {
		return d
	}
	return s
}

// headerPerson reads an address header, falling back to parseMailPerson for
// the malformed ones mail clients send.
func headerPerson(v string) thread.Person {
	if strings.TrimSpace(v) == "" {
		return thread.Person{}
	}
	ap := mail.AddressParser{WordDecoder: wordDecoder}
	if list, err := ap.ParseList(v); err == nil && len(list) > 0 {
		return thread.Person{Name: list[0].Name, Email: strings.ToLower(list[0].Address)}
	}
	name, email := parseMailPerson(decodeMailWords(v))
	return thread.Person{Name: name, Email: email}
}

// mailBody collects the parts of a MIME tree that matter.
type mailBody struct {
	plain, html string
	attachments []string
	parts       int
}

// MIME limits against hostile input.
const (
	maxMIMEDepth = 8
	maxMIMEParts = 500
)

func walkPart(h textproto.MIMEHeader, r io.Reader, depth int, out *mailBody) {
	out.parts++
	if out.parts > maxMIMEParts {
		return
	}
	mt, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		mt, params = "text/plain", map[string]string{}
	}
	disp, dparams, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	name := decodeMailWords(dparams["filename"])
	if name == "" {
		name = decodeMailWords(params["name"])
	}
	if strings.HasPrefix(mt, "multipart/") && params["boundary"] != "" {
		if depth >= maxMIMEDepth {
			return
		}
		mr := multipart.NewReader(r, params["boundary"])
		for {
			part, err := mr.NextRawPart()
			if err != nil {
				return
			}
			walkPart(part.Header, part, depth+1, out)
		}
	}
	isText := mt == "text/plain" || mt == "text/html"
	if disp == "attachment" || (!isText && name != "" && disp != "inline") || mt == "message/rfc822" {
		if name == "" {
			name = "attachment." + strings.ReplaceAll(mt, "/", "-")
		}
		out.attachments = append(out.attachments, name)
		return
	}
	if !isText {
		return
	}
	b := decodeTransfer(h.Get("Content-Transfer-Encoding"), r)
	text := decodeCharset(params["charset"], b)
	if mt == "text/plain" && out.plain == "" {
		out.plain = text
	} else if mt == "text/html" && out.html == "" {
		out.html = text
	}
}

// decodeTransfer undoes quoted-printable and base64; a broken encoding
// gives what could be decoded before the damage.
func decodeTransfer(enc string, r io.Reader) []byte {
	r = io.LimitReader(r, MaxInputBytes)
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, &base64Filter{r: r})
	}
	b, _ := io.ReadAll(r)
	return b
}

// base64Filter drops the spaces and stray characters some mailers put in
// base64 bodies (line breaks are already ignored by the decoder).
type base64Filter struct{ r io.Reader }

func (f *base64Filter) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	k := 0
	for _, c := range p[:n] {
		if (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=' {
			p[k] = c
			k++
		}
	}
	return k, err
}
