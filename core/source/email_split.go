//go:build !nomail

package source

import (
	"html"
	"strings"
	"sync"
	"time"
)

// chainPart is one message found in an e-mail body or a pasted chain.
type chainPart struct {
	Header    string // the reply line or header block that introduced it ("" for the top)
	Next      string // the header of the older message quoted below this one
	Name      string
	Email     string
	Subject   string
	At        time.Time
	Body      string // its own text, its quote markers removed, still uncleaned
	Forwarded bool
}

// splitChain splits the text of an e-mail, or a chain a support agent
// pasted, into its messages, newest first as they appear:
//
//	Still broken.
//
//	On Mon, 2 Mar 2026 at 09:14, Ana <ana@x.io> wrote:
//	> Export gives a 502.
//
// gives two parts: "Still broken." (no header) and "Export gives a 502."
// by Ana <ana@x.io> at 2026-03-02 09:14. Messages are introduced by
// "On … wrote:" lines in many languages (also wrapped over up to three
// lines, and quoted with their body, as Apple Mail does), by Outlook
// header blocks (From:/Sent:/To:/Subject: in many languages, "*From:*"
// too), by "-----Original Message-----" and forwarded-message separators.
// A reply line followed by an inline answer (quoted and unquoted lines
// interleaved) is not split: the cleaner deals with it. The first part
// is always the top, even when empty (a chain that starts with a header
// block gives an empty top); text without any header is one part. Never
// panics.
func splitChain(text string) []chainPart {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	lines := make([]mailLine, len(raw))
	for i, r := range raw {
		d, t := unquoteLine(r, -1)
		lines[i] = mailLine{raw: r, depth: d, text: t}
	}
	// minAfter[j] is the smallest quote depth of a paragraph at j or later:
	// an unquoted paragraph after a quoted reply means an inline answer.
	// A shallower line right under a quoted one is a wrapped quote line,
	// not an answer, so only lines that start a paragraph count, and none
	// below a signature delimiter.
	minAfter := make([]int, len(lines)+1)
	minAfter[len(lines)] = 1 << 30
	for j := len(lines) - 1; j >= 0; j-- {
		m := minAfter[j+1]
		sig := isSigDelimiter(lines[j].text)
		if sig {
			m = 1 << 30 // a signature or disclaimer below the quote is no answer
		}
		starts := j == 0 || lines[j-1].blank()
		if !sig && !lines[j].blank() && starts && lines[j].depth < m {
			m = lines[j].depth
		}
		minAfter[j] = m
	}

	var parts []chainPart
	var cur chainPart
	segStart, base := 0, 0
	for i := 0; i < len(lines); {
		l := lines[i]
		if l.blank() || (l.depth != base && l.depth != base+1) {
			i++
			continue
		}
		sep, ok := separatorAt(lines, i)
		if !ok {
			i++
			continue
		}
		j := sep.end
		for j < len(lines) && lines[j].blank() {
			j++
		}
		nb := sep.depth
		switch {
		case j == len(lines):
			// A header with nothing after it: the quoted message is
			// missing, so its header is quoted residue of this one.
			cur.Body = joinLevel(lines[segStart:i], base)
			cur.Next = sep.part.Header
			return append(parts, cur)
		case lines[j].depth == sep.depth:
		case lines[j].depth > sep.depth && minAfter[j] > sep.depth:
			nb = sep.depth + 1
		default:
			i = sep.end
			continue
		}
		cur.Body = joinLevel(lines[segStart:i], base)
		cur.Next = sep.part.Header
		parts = append(parts, cur)
		cur = sep.part
		segStart, base, i = sep.end, nb, sep.end
	}
	cur.Body = joinLevel(lines[segStart:], base)
	parts = append(parts, cur)

	return parts
}

// isSigDelimiter reports "-- ", "--" and Outlook's underscore ruler.
func isSigDelimiter(t string) bool {
	t = strings.TrimRight(t, " \t")
	return t == "--" || t == "—" || (len(t) >= 10 && strings.Trim(t, "_") == "")
}

type mailLine struct {
	raw   string
	depth int    // number of ">" quote markers
	text  string // raw without them
}

func (l mailLine) blank() bool { return strings.TrimSpace(l.text) == "" }

// unquote removes up to max ("-1": all) leading ">" markers, each with the
// spaces before it and one space after it.
func unquoteLine(s string, max int) (int, string) {
	depth := 0
	for max < 0 || depth < max {
		t := strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(t, ">") {
			break
		}
		depth++
		s = strings.TrimPrefix(t[1:], " ")
	}
	return depth, s
}

func joinLevel(ls []mailLine, level int) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteByte('\n')
		}
		_, t := unquoteLine(l.raw, level)
		b.WriteString(strings.TrimRight(t, " \t"))
	}
	return strings.TrimSpace(b.String())
}

type chainSep struct {
	end   int // first line after the header
	depth int
	part  chainPart // the older message's metadata and Header
}

// separatorAt reports whether line i starts the header of an older
// message: a separator line, a header block, or a reply line.
func separatorAt(lines []mailLine, i int) (chainSep, bool) {
	d := lines[i].depth
	t := strings.TrimSpace(lines[i].text)
	if len(t) > 400 {
		return chainSep{}, false
	}
	if kind := separatorLine(t); kind != "" {
		k := i + 1
		for k < len(lines) && k < i+3 && lines[k].blank() {
			k++
		}
		sep, ok := headerBlockAt(lines, k, d)
		switch {
		case ok:
		case kind == "ruler":
			return chainSep{}, false
		default:
			sep = chainSep{end: i + 1, depth: d}
		}
		sep.part.Forwarded = kind == "forward"
		sep.part.Header = chainHeaderText(lines[i:sep.end], d)
		return sep, true
	}
	if sep, ok := headerBlockAt(lines, i, d); ok {
		return sep, true
	}
	return replyLineAt(lines, i, d)
}

func chainHeaderText(ls []mailLine, depth int) string {
	return joinLevel(ls, depth)
}

var (
	reChainDashes = lazyRegexp(`^[-–—_=*\s]{2,}|[-–—_=*\s]{2,}$`)
	originalMsgs  = mailWordSet("original message|ursprüngliche nachricht|originalnachricht|message d'origine|message d’origine|message original|mensaje original|messaggio originale|oorspronkelijk bericht|origineel bericht|mensagem original|oryginalna wiadomość|wiadomość oryginalna|originalmeddelande|ursprungligt meddelande|oprindelig meddelelse|oprindelig besked|opprinnelig melding|original melding|alkuperäinen viesti|исходное сообщение|исходное письмо|původní zpráva|eredeti üzenet|orijinal mesaj")
	forwardMsgs   = mailWordSet("forwarded message|forwarded e-mail|weitergeleitete nachricht|message transféré|message transfére|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|mensagem reencaminhada|wiadomość przekazana dalej|przekazana wiadomość|vidarebefordrat meddelande|videresendt meddelelse|videresendt melding|välitetty viesti|пересылаемое сообщение|пересланное сообщение|přeposlaná zpráva|továbbított üzenet|iletilen ileti")
	forwardLines  = mailWordSet("begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|début du message transféré|inicio del mensaje reenviado|comienzo del mensaje reenviado|inizio messaggio inoltrato|begin doorgestuurd bericht|início da mensagem reencaminhada|início da mensagem encaminhada|vidarebefordrat meddelande|videresendt besked|начало пересылаемого сообщения")
)

func mailWordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(list, "|") {
		m[w] = true
	}
	return m
}

// separatorLine classifies "-----Original Message-----" ("original"),
// "---------- Forwarded message ---------" and "Begin forwarded message:"
// ("forward"), and an Outlook ruler of underscores ("ruler").
func separatorLine(t string) string {
	if len(t) >= 10 && strings.Trim(t, "_") == "" {
		return "ruler"
	}
	l := strings.ToLower(t)
	if forwardLines[strings.TrimSpace(strings.TrimSuffix(l, ":"))] {
		return "forward"
	}
	core := reChainDashes().ReplaceAllString(l, "")
	if core == l {
		return ""
	}
	core = strings.TrimSpace(core)
	switch {
	case originalMsgs[core]:
		return "original"
	case forwardMsgs[core]:
		return "forward"
	}
	return ""
}

// Header block keys in the languages Outlook and other clients print.
var chainHeaderKeys = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for canon, list := range map[string]string{
		"from":    "from|von|de|da|van|od|från|fra|lähettäjä|от|mittente|remetente|afzender|feladó|kimden|odesílatel",
		"date":    "date|dato|sent|sent at|envoyé le|gesendet am|enviado el|enviado em|inviato il|datum|gesendet|envoyé|enviado|fecha|inviato|data|verzonden|wysłano|skickat|sendt|lähetetty|päivämäärä|отправлено|дата|gönderildi|tarih|odesláno|elküldve",
		"to":      "to|an|à|a|para|aan|do|till|til|vastaanottaja|кому|destinatario|destinataire|per|címzett|kime|komu",
		"cc":      "cc|kopie|cci|bcc|копия|kopia|kopio|másolat",
		"subject": "subject|betreff|objet|asunto|oggetto|onderwerp|temat|assunto|ämne|emne|aihe|тема|sujet|tárgy|konu|předmět|reply-to|antwort an|répondre à",
	} {
		for _, k := range strings.Split(list, "|") {
			m[k] = canon
		}
	}
	m["reply-to"], m["antwort an"], m["répondre à"] = "reply-to", "reply-to", "reply-to"
	return m
})

var reChainField = lazyRegexp(`^\s*[*_]{0,2}(\p{L}[\p{L}-]{0,18}(?: \p{L}{1,8})?)[*_]{0,2}\s?:[*_]{0,2}\s*(.*)$`)

// chainHeaderField parses "From: Ana <ana@x.io>", "De : …", "*Sent:* …".
func chainHeaderField(t string) (key, value string, ok bool) {
	if c := strings.IndexByte(t, ':'); c < 0 || c > 40 {
		return "", "", false
	}
	m := reChainField().FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	key, ok = chainHeaderKeys()[strings.ToLower(m[1])]
	return key, strings.TrimSpace(strings.Trim(strings.TrimSpace(m[2]), "*_")), ok
}

// headerBlockAt reads an Outlook-style header block at line i: at least
// two known fields, one of them From, one per line (a wrapped value may
// continue on one line between two fields).
func headerBlockAt(lines []mailLine, i, d int) (chainSep, bool) {
	if i >= len(lines) || lines[i].depth != d {
		return chainSep{}, false
	}
	if _, _, ok := chainHeaderField(lines[i].text); !ok {
		return chainSep{}, false
	}
	fields := map[string]string{}
	last := ""
	j := i
	for ; j < len(lines) && j < i+12 && lines[j].depth == d; j++ {
		if k, v, ok := chainHeaderField(lines[j].text); ok {
			if _, dup := fields[k]; dup {
				break
			}
			fields[k], last = v, k
			continue
		}
		next := j + 1
		if last == "" || lines[j].blank() || next >= len(lines) || lines[next].depth != d {
			break
		}
		if _, _, ok := chainHeaderField(lines[next].text); !ok {
			break
		}
		fields[last] = strings.TrimSpace(fields[last] + " " + strings.TrimSpace(lines[j].text))
		last = ""
	}
	from, ok := fields["from"]
	if !ok || len(fields) < 2 || strings.TrimSpace(from) == "" {
		return chainSep{}, false
	}
	p := chainPart{Subject: fields["subject"], At: ParseMailDate(fields["date"])}
	p.Name, p.Email = parseMailPerson(from)
	p.Header = chainHeaderText(lines[i:j], d)
	return chainSep{end: j, depth: d, part: p}, true
}

const replyVerbs = `wrote|writes|has written|wrote the following|schrieb|hat geschrieben|a écrit|écrit|escribió|ha escrito|escreveu|ha scritto|scrisse|schreef|heeft geschreven|napisał\(a\)|napisała|napisał|skrev følgende|skrev|kirjoitti|написал\(а\)|написала|написал|írta|napsal\(a\)|napsala|napsal|yazdı|a scris|έγραψε`

var (
	reVerbEnd    = lazyRegexp(`(?i)(?:^|[^\p{L}])(` + replyVerbs + `)\s*:?$`)
	reVerbMid    = lazyRegexp(`(?i)(?:^|[^\p{L}])(` + replyVerbs + `)\s+(.{1,160}):$`)
	reReplyIntro = lazyRegexp(`(?i)^(?:on|le|am|el|il|in data|op|w dniu|dnia|em|den|d\.|på|pe|dne|в)\s`)
	reReplyDate  = lazyRegexp(`(?i)\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*\(?(?:[+-]\d{2}:?\d{2}|UTC|GMT|[ECMP][SD]T|CES?T|BST|MES?Z)\)?)?|\b(?:19|20)\d{2}\b`)
	reMailAddr   = lazyRegexp(`[\p{L}\d._%+'-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+`)
	reAngleSpace = lazyRegexp(`<\s+|\s+>`)
	reAddrColon  = lazyRegexp(`[\p{L}\d._%+'-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+[>)\]]?\s*:$`)
	reNameFiller = lazyRegexp(`(?i)^(?:(?:at|um|à|a las|às|alle|om|kl\.?|klo|в|użytkownik|de|from|von|od|keltezéssel)(?:\s+|$)|[,\s])+`)
)

// replyLineAt reads an "On … wrote:" line at i, wrapped over up to three
// lines (one blank line may sit inside).
func replyLineAt(lines []mailLine, i, d int) (chainSep, bool) {
	first := strings.TrimSpace(lines[i].text)
	if !strings.Contains(first, "@") && !reReplyIntro().MatchString(first) && !reReplyDate().MatchString(first) {
		return chainSep{}, false
	}
	joined, end, blanks := first, i+1, 0
	for n := 1; ; n++ {
		if p, ok := matchReply(joined); ok {
			p.Header = chainHeaderText(lines[i:end], d)
			return chainSep{end: end, depth: d, part: p}, true
		}
		if n == 3 || end >= len(lines) || len(joined) > 400 {
			return chainSep{}, false
		}
		if lines[end].blank() && blanks == 0 && lines[end].depth >= d {
			blanks++
			end++
			if end >= len(lines) {
				return chainSep{}, false
			}
		}
		if lines[end].depth < d || lines[end].blank() {
			return chainSep{}, false
		}
		_, next := unquoteLine(lines[end].raw, d)
		joined += " " + strings.TrimSpace(next)
		end++
	}
}

// mayEndReply is a cheap test before the regular expressions: a reply
// line ends with a colon or with its verb.
func mayEndReply(joined string) bool {
	t := strings.ToLower(strings.TrimRight(joined, " -\t\u00a0"))
	if strings.HasSuffix(t, ":") {
		return true
	}
	for _, v := range replyVerbEnds {
		if strings.HasSuffix(t, v) {
			return true
		}
	}
	return false
}

var replyVerbEnds = strings.Split(strings.ReplaceAll(replyVerbs, `\`, ""), "|")

// matchReply reads the author, address and date of a reply line.
func matchReply(joined string) (chainPart, bool) {
	if !mayEndReply(joined) {
		return chainPart{}, false
	}
	t := strings.ReplaceAll(joined, "\u00a0", " ")
	if strings.Contains(t, "&") {
		t = html.UnescapeString(t)
	}
	t = reAngleSpace().ReplaceAllStringFunc(t, strings.TrimSpace)
	t = strings.TrimSpace(strings.Trim(strings.TrimSpace(t), "-"))
	var before, who string
	if m := reVerbEnd().FindStringSubmatchIndex(t); m != nil {
		before = t[:m[2]]
	} else if m := reVerbMid().FindStringSubmatchIndex(t); m != nil {
		before, who = t[:m[2]], t[m[4]:m[5]]
		if !strings.Contains(who, "@") && len(strings.Fields(who)) > 5 {
			return chainPart{}, false
		}
	} else if reAddrColon().MatchString(t) {
		// "30.09.2017, 18.30, "John" <john@x.io>:" — Gmail in some
		// languages prints no verb; the date before the address must be there.
		before = strings.TrimSuffix(t, ":")
		if !reReplyDate().MatchString(reMailAddr().ReplaceAllString(before, "x")) {
			return chainPart{}, false
		}
	} else {
		return chainPart{}, false
	}
	if strings.TrimSpace(before) == "" {
		return chainPart{}, false
	}
	masked := reMailAddr().ReplaceAllStringFunc(before, func(s string) string { return strings.Repeat("x", len(s)) })
	hasDate := reReplyDate().MatchString(masked)
	if !reReplyIntro().MatchString(t) && !hasDate && !strings.Contains(before, "@") && who == "" {
		return chainPart{}, false
	}
	datePart := before
	if who == "" {
		if locs := reReplyDate().FindAllStringIndex(masked, -1); locs != nil {
			end := locs[len(locs)-1][1]
			datePart, who = before[:end], before[end:]
		} else {
			datePart = ""
			who = reReplyIntro().ReplaceAllString(before, "")
			if k := strings.LastIndex(who, ","); k >= 0 && !strings.Contains(who[k:], "@") {
				who = who[k+1:]
			}
		}
	}
	var p chainPart
	p.Name, p.Email = parseMailPerson(who)
	if p.Email == "" {
		p.Email = strings.ToLower(reMailAddr().FindString(before))
	}
	p.At = ParseMailDate(reReplyIntro().ReplaceAllString(datePart, ""))
	return p, true
}

// pronouns stand for a name in "On Monday you wrote:".
var pronouns = mailWordSet("you|vous|tu|du|sie|u|jij|usted|lei|voi|ty|вы|ты|i|je|ich|yo|io|me")

// parseMailPerson reads "Ana Lima <ana@x.io>", "\"Lima, Ana\" <ana@x.io>",
// "Ana [mailto:ana@x.io]", "ana@x.io" or "Ana Lima" into name and
// lower-cased address.
func parseMailPerson(s string) (name, email string) {
	email = strings.ToLower(strings.Trim(reMailAddr().FindString(s), ".'-"))
	s = reMailAddr().ReplaceAllString(s, " ")
	s = strings.NewReplacer("mailto:", " ", "<", " ", ">", " ", "[", " ", "]", " ", "\"", " ", "“", " ", "”", " ", "()", " ").Replace(s)
	s = reNameFiller().ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " ,;:'-")
	if strings.Count(s, "(") != strings.Count(s, ")") {
		s = strings.Trim(s, " ()")
	}
	if len(s) > 80 || pronouns[strings.ToLower(s)] {
		s = ""
	}
	return s, email
}
