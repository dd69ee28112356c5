package templates

import (
	"net/url"
	"strings"
)

// ValuePart is a piece of a scan value for display: text, or a link when
// URL is set (Text is then the URL as written).
type ValuePart struct {
	Text, URL string
}

// SFURL splits a value at SpiderFoot's <SFURL>…</SFURL> markers: the
// marked part becomes a link when it is an absolute http or https URL
// with a host, and stays text (markers included) otherwise. Templates
// write a link's URL into href, where html/template escapes it again.
func SFURL(v string) []ValuePart {
	const open, closing = "<SFURL>", "</SFURL>"
	var out []ValuePart
	for {
		i := strings.Index(v, open)
		if i < 0 {
			break
		}
		j := strings.Index(v[i+len(open):], closing)
		if j < 0 {
			break
		}
		inner := v[i+len(open) : i+len(open)+j]
		end := i + len(open) + j + len(closing)
		if i > 0 {
			out = append(out, ValuePart{Text: v[:i]})
		}
		if u := safeURL(inner); u != "" {
			out = append(out, ValuePart{Text: strings.TrimSpace(inner), URL: u})
		} else {
			out = append(out, ValuePart{Text: v[i:end]})
		}
		v = v[end:]
	}
	if v != "" || out == nil {
		out = append(out, ValuePart{Text: v})
	}
	return out
}

func safeURL(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 8192 {
		return ""
	}
	for _, r := range s {
		if r <= 0x20 || r == 0x7f {
			return ""
		}
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return ""
	}
	return u.String()
}
