package clean

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// simpleCases: fragments parseSimple reads and ones it must leave to
// html.Parse, each checked against html.Parse's tree.
var simpleCases = []string{
	"", "   ", " \n hi", "&#32;x", "&#13;&#10;y", "a &amp; b &lt;c&gt; &nbsp;d &notit; &copy", "Q&A",
	`<div dir="ltr"><p>Hi,</p><p>Best regards,<br>Ana</p></div><div class="gmail_quote"><blockquote class="gmail_quote"><p>x</p></blockquote></div>`,
	`<DIV CLASS='a b'>x</DIV>`, `<br/><br /><img src="x" alt="y"/>`, `<p>a<hr>b</p>`, `<p>a<p>b</p></p>`, `<p><div>x</div></p>`,
	`<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>`, `<li>a<li>b`, `<a href="x"><a href="y">z</a></a>`, `<b><i>x</b></i>`,
	`<b>1<b>2<b>3<b>4</b></b></b></b>`, `<span><p>x</p></span>`, `<a href="u"><div>x</div></a>`, `<div>unclosed`, `</div>`,
	`<div class="a" class="b">`, `<div a=b>`, `<div a="&amp;">`, `<div  a=""  b>x</div>`, `<div/>`, `<br></br>`, `a < b`, `<!-- c -->x`,
	"<div>\x00</div>", "<div>\r\n</div>", `<table><tr><td>x</td></tr></table>`, `<html><body>x</body></html>`, `<pre>x</pre>`,
	`<h1>a<h2>b</h2></h1>`, `<h3>a</h3><h4><b>b</b></h4>`, `<p><h1>x</h1></p>`, `<font color="#888">x<font>y</font></font>`, `<code>a</code><s>b</s>`, `<A X 0></A>`, `<b style="x" id="y">z</b>`,
	`<p>a</p >`, `<p >a</p>`, `<p	class="x">a</p>`, `<div class="x"id="y">`, `<div class=>`, "<div>\f</div>",
	"<html><head><meta charset=\"utf-8\"></head><body style=\"x\">Hi<div>a</div></body></html>\n", `<HTML><BODY>x</BODY></HTML>`,
	"<html>\n<body>x", "<html><head></head>\n<body>x", "<html> <head> <meta a=\"b\"> </head><body>x", "<body class=\"x\">\n<p>a</p>\n</body>\n",
	`<html lang="en"><body dir="ltr"><div>a</div></body></html>  `, `</body>x`, `</html>`, `<body>x</body><p>y</p>`, `<body>x</body > </html>`,
	`<html><head><title>t</title></head><body>x`, `<html><head><meta/><meta x></head><body>`, `<body/>x`, `<html><body><div>x</body></html>`,
	"  <body>\n x", `<html><head x="y"><META HTTP-EQUIV="a"></HEAD><Body>x`, `<html><body>a</body>&nbsp;`, `<html><p>x`, `<html><head><meta></head>x`,
}

// wrapperStarts and wrapperEnds wrap random fragments as whole documents.
var (
	wrapperStarts = []string{"", "<html><body>", "<html><head><meta charset=\"utf-8\"></head><body>", "<body style=\"x\">", "\n<HTML>\n<BODY dir=ltr>",
		"<html><head></head><body>", "<html><head>\n</head><body>", "<html> <body class=\"a\" class=\"b\">", "<html><head><meta x/><meta y></head><body>"}
	wrapperEnds = []string{"", "</body></html>", "</body>\n</html>\n", "</html>", "</body>", "</body>x", "</BODY >\t", "</body><br>"}
)

func TestSimpleHTML(t *testing.T) {
	for _, s := range simpleCases {
		checkSimple(t, s)
	}
	read := 0
	rnd := rand.New(rand.NewSource(1))
	for range 50000 {
		if checkSimple(t, randomHTML(rnd)) {
			read++
		}
	}
	if read < 2500 {
		t.Fatalf("parseSimple read only %d of 50000 random fragments", read)
	}
	read = 0
	for range 20000 {
		s := wrapperStarts[rnd.Intn(len(wrapperStarts))] + randomHTML(rnd) + wrapperEnds[rnd.Intn(len(wrapperEnds))]
		if checkSimple(t, s) {
			read++
		}
	}
	if read < 1000 {
		t.Fatalf("parseSimple read only %d of 20000 random documents", read)
	}
	paths, _ := filepath.Glob("testdata/bodies/*.html")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkSimple(t, string(b))
	}
}

// checkSimple asserts that when parseSimple reads s, its tree is
// html.Parse's; it reports whether parseSimple read it.
func checkSimple(t *testing.T, s string) bool {
	t.Helper()
	doc, ok := parseSimple(s)
	if !ok {
		return false
	}
	want, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("%q: html.Parse: %v", s, err)
	}
	if got, exp := dumpTree(doc), dumpTree(want); got != exp {
		t.Fatalf("%q:\nparseSimple %s\nhtml.Parse  %s", s, got, exp)
	}
	return true
}

// dumpTree renders every field of the tree the cleaner reads.
func dumpTree(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		fmt.Fprintf(&b, "(%d %q %d %q %q", n.Type, n.Data, n.DataAtom, n.Namespace, n.Attr)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Parent != n {
				b.WriteString(" !parent")
			}
			walk(c)
		}
		b.WriteString(")")
	}
	walk(n)
	return b.String()
}

// randomHTML strings together tags (simple and not), end tags, text with
// entities and space, and attribute spellings.
func randomHTML(rnd *rand.Rand) string {
	tags := []string{"div", "p", "br", "span", "a", "b", "i", "u", "strong", "em", "blockquote", "ul", "ol", "li", "hr", "img", "DIV", "P", "table", "td", "h1", "h3", "pre", "font", "body", "html", "head", "meta",
		"code", "s", "small", "big", "strike", "tt", "sub", "sup", "nobr", "button", "form"}
	attrs := []string{"", ` class="gmail_quote"`, ` dir='ltr'`, ` id="x" style="border-top:solid"`, ` hidden`, ` href="http://x/?a=1&amp;b"`, ` a=b`, ` class="a"  class="b"`, "\n\tclass=\"c\"", ` style="x" id="y"`, ` x 0`, ` href="b" class="a"`}
	texts := []string{"Hi,", " ", "\n", "&amp;", "&#32;", "&nbsp;", "x < y", "caf\u00e9", "\t text \f", "&lt;b&gt;", "&#13;", ""}
	var b strings.Builder
	for range rnd.Intn(14) {
		switch rnd.Intn(4) {
		case 0, 1:
			tag := tags[rnd.Intn(len(tags))]
			end := []string{">", "/>", " >", ">"}[rnd.Intn(4)]
			b.WriteString("<" + tag + attrs[rnd.Intn(len(attrs))] + end)
		case 2:
			b.WriteString("</" + tags[rnd.Intn(len(tags))] + ">")
		default:
			b.WriteString(texts[rnd.Intn(len(texts))])
		}
	}
	return b.String()
}

// FuzzSimpleHTML: whatever parseSimple reads, it reads as html.Parse does.
func FuzzSimpleHTML(f *testing.F) {
	for _, s := range simpleCases {
		f.Add(s)
	}
	rnd := rand.New(rand.NewSource(2))
	for range 50 {
		f.Add(randomHTML(rnd))
		f.Add(wrapperStarts[rnd.Intn(len(wrapperStarts))] + randomHTML(rnd) + wrapperEnds[rnd.Intn(len(wrapperEnds))])
	}
	f.Fuzz(func(t *testing.T, s string) { checkSimple(t, s) })
}
