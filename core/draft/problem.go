package draft

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"handoff/core/facts"
	"handoff/core/note"
	"handoff/core/thread"
)

// vagueSubjects are subject words that say nothing about the problem on
// their own ("Help", "Urgent!!", "Issue").
var vagueSubjects = map[string]bool{
	"help": true, "urgent": true, "issue": true, "problem": true, "question": true, "bug": true, "error": true,
	"support": true, "hilfe": true, "dringend": true, "ayuda": true, "urgente": true, "aide": true, "problème": true,
	"re": true, "fwd": true, "fw": true, "aw": true, "wg": true, "tr": true, "please": true, "asap": true, "request": true,
}

// problem is one sentence: what fails (the subject, or the first customer
// sentence when the subject is vague), the error, the amount at issue (in
// a billing ticket; elsewhere an amount is context, listed in the
// posture), the users affected, and since when.
func (d *drafter) problem() []note.Item {
	what, whatCite := d.subject()
	var parts []string
	cites := []int{whatCite}
	if es := d.entities(facts.KindError); len(es) > 0 && !strings.Contains(strings.ToLower(what), strings.ToLower(es[0].Value)) { // not twice
		parts = append(parts, "error "+errorText(es[0].Value))
		cites = append(cites, es[0].Cites[0])
	}
	if as := d.entities(facts.KindAmount); len(as) > 0 && d.f.Category.Kind == facts.CatBilling {
		big := as[0]
		for _, a := range as {
			if a.Amount > big.Amount {
				big = a
			}
		}
		parts = append(parts, big.Value+" at issue")
		cites = append(cites, big.Cites[0])
	}
	if us := d.entities(facts.KindUsers); len(us) > 0 {
		parts = append(parts, us[0].Value+" affected")
		cites = append(cites, us[0].Cites[0])
	}
	text := what
	if len(parts) > 0 {
		text += " — " + strings.Join(parts, "; ")
	}
	if t := d.f.Timeline.Opened; !t.IsZero() {
		text += "; reported " + day(t)
	}
	it := item(text, cites...)
	it.Text += "."
	return []note.Item{it}
}

// subject returns the problem's area: the ticket subject when it is
// specific, else the first customer sentence, with the message it rests
// on.
func (d *drafter) subject() (string, int) {
	s := strings.TrimSpace(d.th.Ticket.Subject)
	s = stripSubjectPrefixes(s)
	lang := language(d.th)
	if !vague(s) && lang == "" {
		return strings.TrimRight(s, ".!? "), 1
	}
	if said, n := d.customerProblem(); said != "" {
		lead := "Customer reports"
		if lang != "" {
			lead += " (in " + lang + ")"
			if !vague(s) && !covers(said, s) {
				lead += ", subject " + quote(s, 90)
			}
		}
		return lead + ": " + quote(said, 140), n
	}
	if s == "" {
		s = "Ticket without a subject"
	}
	return strings.TrimRight(s, ".!? "), 1
}

// customerProblem returns the customer's sentence that says what goes
// wrong, and its message: among the first two customer messages, the
// first sentence holding a problem cue in any of the languages read
// ("fails", "funktioniert nicht", "se cierra", "deux fois" …), else the
// first substantive sentence of the first customer message.
func (d *drafter) customerProblem() (string, int) {
	first, firstN, seen := "", 0, 0
	for _, m := range d.th.Messages {
		if m.Author.Role == thread.Agent || m.Author.Role == thread.System || m.Author.Role == thread.Bot {
			continue
		}
		if seen++; seen > 2 {
			break
		}
		for s := range substantive(m.Text) {
			if first == "" {
				first, firstN = s, m.N
			}
			if problemCue(s) {
				return s, m.N
			}
		}
	}
	return first, firstN
}

// problemCues are what a customer writes when something goes wrong, in
// the languages the drafter reads (lower case; matched inside words, so
// "fehl" finds "fehlgeschlagen" and "schlägt … fehl").
var problemCues = []string{
	// en
	"fail", "error", "broken", "not work", "doesn't work", "does not work", "isn't working", "stopped working",
	"can't", "cannot", "unable", "crash", "charged twice", "double charge", "overcharg", "wrong", "missing",
	"still", "no longer", "timeout", "timed out", "locked out", "lost",
	// de
	"fehl", "funktioniert nicht", "geht nicht", "klappt nicht", "doppelt", "zweimal", "falsch", "kann nicht",
	"können nicht", "abgestürzt", "stürzt", "ausgefallen", "nicht mehr", "gesperrt", "verloren",
	// es
	"falla", "fallo", "no funciona", "no puedo", "no podemos", "se cierra", "dos veces", "doble", "incorrect",
	"bloquead", "perdid", "ya no",
	// fr
	"erreur", "échec", "échoue", "ne fonctionne pas", "ne marche pas", "impossible", "deux fois", "plante",
	"bloqué", "perdu", "ne peux pas", "ne pouvons pas",
	// it, nl, pt
	"errore", "non funziona", "non riesco", "due volte", "fout", "werkt niet", "kan niet", "dubbel", "twee keer",
	"erro", "não funciona", "não consigo", "duas vezes",
}

// covers reports whether sentence already says most of subject: half or
// more of the subject's words of four letters or more begin a word of the
// sentence with their first four letters ("Webhooks" covers "Webhook",
// "Signaturprüfung" covers "Webhook-Signaturprüfung"'s second half).
func covers(sentence, subject string) bool {
	split := func(t string) []string {
		return strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	stem := func(w string) string {
		if r := []rune(w); len(r) > 4 {
			return string(r[:4])
		}
		return w
	}
	have := map[string]bool{}
	for _, w := range split(sentence) {
		have[stem(w)] = true
	}
	words, found := 0, 0
	for _, w := range split(subject) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		words++
		if have[stem(w)] {
			found++
		}
	}
	return words > 0 && 2*found >= words
}

// problemCue reports whether sentence s holds a problem cue.
func problemCue(s string) bool {
	low := strings.ToLower(s)
	for _, c := range problemCues {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

func vague(s string) bool {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > utf8.RuneSelf) })
	specific := 0
	for _, w := range ws {
		if !vagueSubjects[w] && len(w) > 2 {
			specific++
		}
	}
	return specific < 2
}

// firstSentence returns the first sentence of text with some substance,
// or "".
func firstSentence(text string) string {
	for s := range substantive(text) {
		return s
	}
	return ""
}

// substantive yields text's sentences with some substance: more than
// three words, and not a greeting.
func substantive(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, line := range strings.Split(text, "\n") {
			for _, s := range splitSentences(line) {
				if len(strings.Fields(s)) > 3 && !greeting(s) && !yield(s) {
					return
				}
			}
		}
	}
}

func splitSentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '.' && i > 0 && line[i-1] >= '0' && line[i-1] <= '9' && (i < 2 || line[i-2] < '0' || line[i-2] > '9' || i < 3 || line[i-3] < '0' || line[i-3] > '9') {
			continue // "am 6. März", "20. November": a German day, not a sentence end
		}
		if (line[i] == '.' || line[i] == '!' || line[i] == '?') && (i+1 == len(line) || line[i+1] == ' ') {
			out = append(out, strings.TrimSpace(line[start:i+1]))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// greetings open a message without saying anything about the problem.
var greetings = []string{"hi ", "hello", "hey ", "dear ", "good morning", "good afternoon", "to whom it may concern",
	"sehr geehrte", "hallo", "guten tag", "liebe ", "lieber ", "hola", "estimad", "buenos días", "buenas tardes",
	"bonjour", "madame", "monsieur", "cher ", "chère "}

// greeting reports a sentence that is a salutation ("Sehr geehrte Damen
// und Herren,", "Dear support team,").
func greeting(s string) bool {
	low := strings.ToLower(strings.TrimSpace(s))
	for _, g := range greetings {
		if strings.HasPrefix(low, g) && (strings.HasSuffix(low, ",") || len(strings.Fields(low)) <= 6) {
			return true
		}
	}
	return false
}

// stripSubjectPrefixes removes what mail clients and helpdesks put before
// a subject: reply and forward markers ("Re:", "AW:", "Fwd:") and bracketed
// tags ("[AcmeCloud #48213]", "[EXTERNAL]"), in any order and repeated.
//
//	stripSubjectPrefixes("[AcmeCloud #48213] Re: AW: Charged twice") // "Charged twice"
func stripSubjectPrefixes(s string) string {
	for {
		low := strings.ToLower(s)
		cut := false
		for _, p := range []string{"re:", "fwd:", "fw:", "aw:", "wg:", "tr:", "sv:", "vs:", "rv:", "enc:"} {
			if strings.HasPrefix(low, p) {
				s, cut = strings.TrimSpace(s[len(p):]), true
			}
		}
		if strings.HasPrefix(s, "[") {
			if end := strings.IndexByte(s, ']'); end > 0 && end < 60 && strings.TrimSpace(s[end+1:]) != "" {
				s, cut = strings.TrimSpace(s[end+1:]), true
			}
		}
		if !cut {
			return s
		}
	}
}
