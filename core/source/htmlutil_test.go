package source

import "testing"

func TestHTMLUtil(t *testing.T) {
	doc, err := parseHTML([]byte(`<div id="c" class="list  conv">
	  <article class="msg note" data-id="1"><span class="name"> Ana
	     <b>Lima</b></span><script>x()</script><div class="body"><p>Hi <i>there</i></p></div>
	    <article class="msg" data-id="nested">quoted</article></article>
	  <article class="msg" data-id="2"><time datetime="2026-03-02T09:14:00Z">Mon</time></article>
	</div>`))
	if err != nil {
		t.Fatal(err)
	}
	msgs := findAll(doc, byClass("msg"))
	if len(msgs) != 2 {
		t.Fatalf("findAll: %d matches, want 2 (no descent into a match)", len(msgs))
	}
	if attr(msgs[0], "DATA-ID") != "1" || attr(msgs[1], "data-id") != "2" || attr(nil, "x") != "" {
		t.Errorf("attr: %q %q", attr(msgs[0], "data-id"), attr(msgs[1], "data-id"))
	}
	if !hasClass(msgs[0], "note") || hasClass(msgs[0], "not") || hasClass(msgs[1], "note") {
		t.Error("hasClass")
	}
	if !hasClassPrefix(msgs[0], "no") || hasClassPrefix(msgs[1], "no") {
		t.Error("hasClassPrefix")
	}
	if got := nodeText(findFirst(msgs[0], byClass("name"))); got != "Ana Lima" {
		t.Errorf("nodeText = %q", got)
	}
	if got := innerHTML(findFirst(msgs[0], byClass("body"))); got != "<p>Hi <i>there</i></p>" {
		t.Errorf("innerHTML = %q", got)
	}
	tm := findFirst(doc, byTag("TIME"))
	if attr(tm, "datetime") != "2026-03-02T09:14:00Z" {
		t.Errorf("byTag: %v", tm)
	}
	if closest(tm, byClass("conv")) == nil || closest(tm, byClass("note")) != nil {
		t.Error("closest")
	}
	if findFirst(doc, byAttr("data-id", "2")) != msgs[1] || findFirst(doc, byAttr("id", "")) == nil {
		t.Error("byAttr")
	}
	if findFirst(nil, byClass("x")) != nil || findAll(nil, byClass("x")) != nil || nodeText(nil) != "" || innerHTML(nil) != "" {
		t.Error("nil handling")
	}
	if !hasAttr(msgs[0], "data-id") || hasAttr(msgs[0], "data-x") {
		t.Error("hasAttr")
	}
}
