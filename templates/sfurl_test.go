package templates

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

func TestSFURL(t *testing.T) {
	cases := []struct {
		in   string
		want []ValuePart
	}{
		{"plain", []ValuePart{{Text: "plain"}}},
		{"", []ValuePart{{Text: ""}}},
		{"AlienVault OTX [1.2.3.4]\n<SFURL>https://otx.example/ip/1.2.3.4</SFURL>",
			[]ValuePart{{Text: "AlienVault OTX [1.2.3.4]\n"}, {Text: "https://otx.example/ip/1.2.3.4", URL: "https://otx.example/ip/1.2.3.4"}}},
		{"x<SFURL>javascript:alert(1)</SFURL>", []ValuePart{{Text: "x"}, {Text: "<SFURL>javascript:alert(1)</SFURL>"}}},
		{"<SFURL>http:///nohost</SFURL>", []ValuePart{{Text: "<SFURL>http:///nohost</SFURL>"}}},
		{"<SFURL>https://a.example/x y</SFURL>", []ValuePart{{Text: "<SFURL>https://a.example/x y</SFURL>"}}},
		{"a<SFURL>https://a.example/</SFURL>b<SFURL>http://b.example/?q=1&r=2</SFURL>", []ValuePart{
			{Text: "a"}, {Text: "https://a.example/", URL: "https://a.example/"}, {Text: "b"}, {Text: "http://b.example/?q=1&r=2", URL: "http://b.example/?q=1&r=2"}}},
		{"open <SFURL>https://a.example/", []ValuePart{{Text: "open <SFURL>https://a.example/"}}},
	}
	for _, c := range cases {
		got := SFURL(c.in)
		if len(got) != len(c.want) {
			t.Errorf("SFURL(%q) = %q, want %q", c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("SFURL(%q)[%d] = %q, want %q", c.in, i, got[i], c.want[i])
			}
		}
	}
}

// The links a template makes from a hostile value are safe.
func TestSFURLInTemplate(t *testing.T) {
	tpl := template.Must(template.New("t").Funcs(Funcs).Parse(`{{range sfurl .}}{{if .URL}}<a href="{{.URL}}" rel="noopener noreferrer">{{.Text}}</a>{{else}}{{.Text}}{{end}}{{end}}`))
	var b bytes.Buffer
	in := `<img src=x onerror=alert(1)><SFURL>https://e.example/"><script>alert(1)</script></SFURL>`
	if err := tpl.Execute(&b, in); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<script>") || strings.Contains(out, "<img") {
		t.Errorf("markup from the value reached the page: %s", out)
	}
}
