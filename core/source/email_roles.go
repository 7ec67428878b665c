//go:build !nomail

package source

import (
	"strings"

	"handoff/core/thread"
)

// assignRoles sets customer / agent / system on e-mail messages (oldest
// first) from what the addresses say, in this order:
//
//  1. A no-reply or mailer mailbox (no-reply@, noreply@, mailer-daemon@,
//     notifications@ …) is system.
//  2. A support mailbox (support@, help@, helpdesk@, billing@, service@,
//     care@, success@, accounts@ …), or a display name saying so ("Acme
//     Support", "Kundenservice"), is agent; its domain, and the domain of
//     a Reply-To address, become support domains (never a free-mail
//     domain such as gmail.com).
//  3. The requester is the oldest message's author that rules 1 and 2
//     left alone: customer. Messages from the same address,
//     or the same company domain, are customer too.
//  4. Other senders from a support domain are agent. When no support
//     domain is known, the domain shared by the most non-requester senders
//     is taken as support's.
//  5. An author still unknown takes the role of another message by the
//     same name, when it has no address or a full name (people write
//     from a second address; a lone first name is too weak a tie).
//
// A forwarded message was written elsewhere (a bank, the customer's IT
// provider): rules 1 and 2 do not apply to it, and its author is agent
// only by a support domain the other messages established.
//
// Anything else stays unknown: nothing in the data tells.
func assignRoles(ms []thread.Message, replyTo []string) {
	support := map[string]bool{}
	for _, a := range replyTo {
		if d := mailDomain(a); d != "" && !freeMailDomains[d] {
			support[d] = true
		}
	}
	for i := range ms {
		a := &ms[i].Author
		if ms[i].Forwarded {
			continue // brought in from elsewhere: rule 4 may still apply
		}
		switch {
		case reSystemBox().MatchString(mailLocal(a.Email)):
			a.Role = thread.System
		case reSupportBox().MatchString(mailLocal(a.Email)) || reSupportName().MatchString(a.Name):
			a.Role = thread.Agent
			if d := mailDomain(a.Email); d != "" && !freeMailDomains[d] {
				support[d] = true
			}
		}
	}
	var req thread.Person
	for _, m := range ms {
		if m.Author.Role == "" && (m.Author.Email != "" || m.Author.Name != "") {
			req = m.Author
			break
		}
	}
	reqDomain := mailDomain(req.Email)
	if freeMailDomains[reqDomain] || support[reqDomain] {
		reqDomain = ""
	}
	if len(support) == 0 {
		count := map[string]int{}
		for _, m := range ms {
			d := mailDomain(m.Author.Email)
			if m.Author.Role == "" && d != "" && d != reqDomain && !freeMailDomains[d] && !sameMailSender(m.Author, req) {
				count[d]++
			}
		}
		best, n, tie := "", 0, false
		for d, c := range count {
			switch {
			case c > n:
				best, n, tie = d, c, false
			case c == n:
				tie = true
			}
		}
		if best != "" && !tie {
			support[best] = true
		}
	}
	for i := range ms {
		a := &ms[i].Author
		if a.Role != "" {
			continue
		}
		d := mailDomain(a.Email)
		switch {
		case sameMailSender(*a, req):
			a.Role = thread.Customer
		case d != "" && support[d]:
			a.Role = thread.Agent
		case d != "" && d == reqDomain:
			a.Role = thread.Customer
		}
	}
	byName := map[string]thread.Role{}
	for _, m := range ms {
		if m.Author.Role != "" && m.Author.Name != "" {
			byName[strings.ToLower(m.Author.Name)] = m.Author.Role
		}
	}
	for i := range ms {
		a := &ms[i].Author
		if a.Role == "" && a.Name != "" && (a.Email == "" || len(strings.Fields(a.Name)) > 1) {
			a.Role = byName[strings.ToLower(a.Name)]
		}
		if a.Role == "" {
			a.Role = thread.Unknown
		}
	}
}

func sameMailSender(a, b thread.Person) bool {
	if a.Email != "" || b.Email != "" {
		return a.Email != "" && strings.EqualFold(a.Email, b.Email)
	}
	return a.Name != "" && strings.EqualFold(a.Name, b.Name)
}

func mailLocal(email string) string {
	if i := strings.LastIndexByte(email, '@'); i > 0 {
		return strings.ToLower(email[:i])
	}
	return ""
}

func mailDomain(email string) string {
	if i := strings.LastIndexByte(email, '@'); i >= 0 {
		return strings.ToLower(strings.TrimSpace(email[i+1:]))
	}
	return ""
}

var (
	reSystemBox   = lazyRegexp(`(?:^|[._+-])(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|notifications?|notify|bounces?|alerts?)(?:[+._-].*)?$`)
	reSupportBox  = lazyRegexp(`^(?:support|help|helpdesk|help-desk|servicedesk|service|customerservice|customer-service|customercare|customer-care|care|cs|billing|accounts?|success|customersuccess|finance|refunds?|escalations?|tickets?|kundenservice|kundendienst|assistance|soporte|ayuda|supporto|atendimento)(?:[+._-].*)?$`)
	reSupportName = lazyRegexp(`(?i)\b(?:support|help ?desk|service ?desk|customer (?:service|care|success)|billing team|kundenservice|kundendienst|service client|assistance|soporte|atención al cliente|supporto|atendimento)\b`)
)

// freeMailDomains domains are shared by unrelated people: never a company's.
var freeMailDomains = mailWordSet("gmail.com|googlemail.com|yahoo.com|yahoo.fr|yahoo.de|yahoo.co.uk|ymail.com|hotmail.com|hotmail.fr|hotmail.de|outlook.com|outlook.fr|outlook.de|live.com|msn.com|icloud.com|me.com|mac.com|aol.com|gmx.de|gmx.net|gmx.at|web.de|t-online.de|proton.me|protonmail.com|yandex.ru|mail.ru|orange.fr|free.fr|wanadoo.fr|laposte.net|libero.it|qq.com|163.com")
