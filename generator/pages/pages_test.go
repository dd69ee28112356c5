package pages

import (
	"testing"
	"time"
)

func TestShowControls(t *testing.T) {
	for in, want := range map[string]string{
		"plain é":         "plain é",
		"a\x01b\x0bc\x7f": "a␁b␋c␡",
		"tab\tnl\ncr\r":   "tab\tnl\ncr\r",
		"\x00\x1f":        "␀␟",
	} {
		if got := string(ShowControls([]byte(in))); got != want {
			t.Errorf("ShowControls(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatTime(t *testing.T) {
	ft := FormatTime(time.Date(2026, 11, 20, 10, 0, 1, 0, time.FixedZone("x", 3600)))
	if ft.Text != "2026-11-20 09:00:01 UTC" || ft.ISO != "2026-11-20T09:00:01Z" {
		t.Errorf("FormatTime = %+v", ft)
	}
	if (FormatTime(time.Time{}) != Time{}) {
		t.Error("zero time not empty")
	}
}

func TestPct(t *testing.T) {
	for _, c := range []struct {
		n, max int
		want   string
	}{{1, 3, "33.3"}, {3, 3, "100"}, {0, 0, "0"}, {2, 7, "28.6"}} {
		if got := pct(c.n, c.max); got != c.want {
			t.Errorf("pct(%d, %d) = %s", c.n, c.max, got)
		}
	}
}
