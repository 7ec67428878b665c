package main

import (
	"fmt"
	"html"
	"strings"
	"time"
)

// The structs below follow the Zendesk Support API v2 responses
// GET /api/v2/tickets/{id}.json and
// GET /api/v2/tickets/{id}/comments.json?include=users (offset pagination).

type via struct {
	Channel string    `json:"channel"`
	Source  viaSource `json:"source"`
}

type viaSource struct {
	From map[string]string `json:"from"`
	To   map[string]string `json:"to"`
	Rel  *string           `json:"rel"`
}

type attachment struct {
	URL         string `json:"url"`
	ID          int64  `json:"id"`
	FileName    string `json:"file_name"`
	ContentURL  string `json:"content_url"`
	ContentType string `json:"content_type"`
	Size        int    `json:"size"`
	Inline      bool   `json:"inline"`
	Deleted     bool   `json:"deleted"`
	Thumbnails  []any  `json:"thumbnails"`
}

type comment struct {
	ID          int64        `json:"id"`
	Type        string       `json:"type"`
	AuthorID    int64        `json:"author_id"`
	Body        string       `json:"body"`
	HTMLBody    string       `json:"html_body"`
	PlainBody   string       `json:"plain_body"`
	Public      bool         `json:"public"`
	Attachments []attachment `json:"attachments"`
	AuditID     int64        `json:"audit_id"`
	Via         via          `json:"via"`
	CreatedAt   string       `json:"created_at"`
}

type user struct {
	ID             int64  `json:"id"`
	URL            string `json:"url"`
	Name           string `json:"name"`
	Email          string `json:"email"`
	Role           string `json:"role"`
	OrganizationID *int64 `json:"organization_id"`
	Active         bool   `json:"active"`
	Verified       bool   `json:"verified"`
	TimeZone       string `json:"time_zone"`
	Locale         string `json:"locale"`
}

type page struct {
	Comments     []comment `json:"comments"`
	Users        []user    `json:"users"`
	NextPage     *string   `json:"next_page"`
	PreviousPage *string   `json:"previous_page"`
	Count        int       `json:"count"`
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func toHTML(text string) string {
	var b strings.Builder
	b.WriteString(`<div class="zd-comment" dir="auto">`)
	for _, para := range strings.Split(text, "\n\n") {
		lines := strings.Split(para, "\n")
		for i := range lines {
			lines[i] = html.EscapeString(lines[i])
		}
		b.WriteString(`<p dir="auto">` + strings.Join(lines, "<br>") + "</p>")
	}
	b.WriteString("</div>")
	return b.String()
}

func commentsPage(ms []msg, p int) page {
	lo, hi := p*perPage, min((p+1)*perPage, len(ms))
	pg := page{Comments: []comment{}, Users: []user{}, Count: len(ms)}
	seen := map[string]bool{}
	var order []string
	for i := lo; i < hi; i++ {
		m := ms[i]
		who := people[m.who]
		id := int64(ticket)*100000 + 1000 + int64(i)*7
		c := comment{ID: id, Type: "Comment", AuthorID: who.ID, Body: m.text, HTMLBody: toHTML(m.text), PlainBody: m.text,
			Public: !m.internal, Attachments: []attachment{}, AuditID: id + 1, CreatedAt: stamp(m.at)}
		if who.Role == "end-user" {
			c.Via = via{"email", viaSource{From: map[string]string{"address": who.Email, "name": who.Name},
				To: map[string]string{"address": "support@crateflow.zendesk.com", "name": "Crateflow Support"}}}
		} else {
			c.Via = via{"web", viaSource{From: map[string]string{}, To: map[string]string{}}}
		}
		for j, f := range m.attach {
			aid := id*10 + int64(j) + 1
			c.Attachments = append(c.Attachments, attachment{URL: fmt.Sprintf("%s/api/v2/attachments/%d.json", base, aid), ID: aid, FileName: f,
				ContentURL: fmt.Sprintf("%s/attachments/token/t%d/?name=%s", base, aid, f), ContentType: "text/csv", Size: 4096 + len(f)*97, Thumbnails: []any{}})
		}
		pg.Comments = append(pg.Comments, c)
		if !seen[m.who] {
			seen[m.who] = true
			order = append(order, m.who)
		}
	}
	for _, k := range order {
		who := people[k]
		u := user{ID: who.ID, URL: fmt.Sprintf("%s/api/v2/users/%d.json", base, who.ID), Name: who.Name, Email: who.Email, Role: who.Role,
			Active: true, Verified: true, TimeZone: "UTC", Locale: "en-US"}
		if who.Role == "end-user" {
			org := int64(orgID)
			u.OrganizationID = &org
		}
		pg.Users = append(pg.Users, u)
	}
	if hi < len(ms) {
		s := fmt.Sprintf("%s/api/v2/tickets/%d/comments.json?include=users&page=%d", base, ticket, p+2)
		pg.NextPage = &s
	}
	if p > 0 {
		s := fmt.Sprintf("%s/api/v2/tickets/%d/comments.json?include=users&page=%d", base, ticket, p)
		pg.PreviousPage = &s
	}
	return pg
}

func ticketJSON(ms []msg) map[string]any {
	req := people["ruth"]
	return map[string]any{"ticket": map[string]any{
		"url": fmt.Sprintf("%s/api/v2/tickets/%d.json", base, ticket), "id": ticket, "external_id": nil,
		"via":        via{"email", viaSource{From: map[string]string{"address": req.Email, "name": req.Name}, To: map[string]string{"address": "support@crateflow.zendesk.com", "name": "Crateflow Support"}}},
		"created_at": stamp(ms[0].at), "updated_at": stamp(ms[len(ms)-1].at),
		"type": "problem", "subject": "Orbital ERP connector drops order lines on large orders", "raw_subject": "Orbital ERP connector drops order lines on large orders",
		"description": ms[0].text, "priority": "high", "status": "open", "recipient": "support@crateflow.zendesk.com",
		"requester_id": req.ID, "submitter_id": req.ID, "assignee_id": people["grace"].ID, "organization_id": orgID,
		"group_id": 360000331122, "collaborator_ids": []int64{people["dev"].ID, people["martin"].ID}, "follower_ids": []int64{}, "email_cc_ids": []int64{people["dev"].ID, people["martin"].ID},
		"problem_id": nil, "has_incidents": false, "is_public": true, "due_at": nil,
		"tags": []string{"integration", "orbital_erp", "connector", "premium_plan"}, "custom_fields": []any{}, "satisfaction_rating": nil,
		"brand_id": 360002211, "allow_channelback": false, "allow_attachments": true, "from_messaging_channel": false,
	}}
}
