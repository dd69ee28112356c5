package jsonw

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzString(f *testing.F) {
	for _, s := range []string{"", "plain", "</script><b>&amp;", "\u2028\u2029", "a\x00\x1f\x7f", "\xff\xfe", "é😀", `"\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := String(nil, s)
		if strings.ContainsAny(string(out), "<>&\u2028\u2029\n\r") {
			t.Fatalf("unsafe character left in %q", out)
		}
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("not JSON: %q: %v", out, err)
		}
		if want := strings.ToValidUTF8(s, "\ufffd"); utf8.ValidString(s) && back != want {
			t.Fatalf("round trip %q -> %q", s, back)
		}
		if !utf8.ValidString(back) {
			t.Fatalf("invalid UTF-8 after round trip")
		}
	})
}

func TestTruncated(t *testing.T) {
	out, cut := Truncated(nil, "héllo", 2)
	if string(out) != `"h"` || !cut {
		t.Errorf("got %s %v", out, cut)
	}
	out, cut = Truncated(nil, "abc", 3)
	if string(out) != `"abc"` || cut {
		t.Errorf("got %s %v", out, cut)
	}
}
