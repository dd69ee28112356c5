package scantext

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/scan"
)

func TestStatusOf(t *testing.T) {
	for _, c := range []struct{ status, class, partial string }{
		{scan.StatusFinished, "ok", ""},
		{scan.StatusAborted, "warn", "This scan was aborted: the results are partial."},
		{scan.StatusAbortRequested, "warn", "This scan was aborted: the results are partial."},
		{scan.StatusAborting, "warn", "This scan was aborted: the results are partial."},
		{scan.StatusErrorFailed, "fail", "This scan failed: the results are partial."},
		{scan.StatusCreated, "run", "This scan has not started yet."},
		{scan.StatusInitializing, "run", "This scan is still running (INITIALIZING): the results are partial and grow as elements arrive."},
		{scan.StatusStarting, "run", "This scan is still running (STARTING): the results are partial and grow as elements arrive."},
		{scan.StatusStarted, "run", "This scan is still running (STARTED): the results are partial and grow as elements arrive."},
		{scan.StatusRunning, "run", "This scan is still running (RUNNING): the results are partial and grow as elements arrive."},
		// Statuses no scanner of ours writes: scan.toml is untrusted. Case
		// matters; control and format characters are quoted as escapes, so
		// they cannot hide or reorder the sentence.
		{"", "idle", `This scan's status is "": the results may be partial.`},
		{"running", "idle", `This scan's status is "running": the results may be partial.`},
		{"finished", "idle", `This scan's status is "finished": the results may be partial.`},
		{`SAY "HI"`, "idle", `This scan's status is "SAY \"HI\"": the results may be partial.`},
		{`back\slash`, "idle", `This scan's status is "back\\slash": the results may be partial.`},
		{"new\nline\ttab", "idle", `This scan's status is "new\nline\ttab": the results may be partial.`},
		{"nul\x00bell\x07del\x7f", "idle", `This scan's status is "nul\x00bell\adel\x7f": the results may be partial.`},
		{"rtl \u202eDEHSINIF", "idle", `This scan's status is "rtl \u202eDEHSINIF": the results may be partial.`},
		{"line sep \u2028", "idle", `This scan's status is "line sep \u2028": the results may be partial.`},
		{"soft\u00adhyphen", "idle", `This scan's status is "soft\u00adhyphen": the results may be partial.`},
		{"bad utf-8 \xff", "idle", `This scan's status is "bad utf-8 \xff": the results may be partial.`},
		{"ünïcödé 日本語 😀", "idle", `This scan's status is "ünïcödé 日本語 😀": the results may be partial.`},
		{"<script>alert(1)</script>", "idle", `This scan's status is "<script>alert(1)</script>": the results may be partial.`},
	} {
		got := StatusOf(c.status)
		if got.Label != c.status || got.Class != c.class || got.Partial != c.partial {
			t.Errorf("StatusOf(%q) = %+v, want class %q partial %q", c.status, got, c.class, c.partial)
		}
		for _, r := range got.Partial {
			if r < 0x20 || r == 0x7f || r == '\u202e' || r == '\u2028' {
				t.Errorf("StatusOf(%q): the notice holds %U", c.status, r)
			}
		}
	}
}

// The texts are plain text: the templates escape them. A status with
// HTML in it shows as text in the badge and the notice.
func TestStatusInTemplate(t *testing.T) {
	tpl := template.Must(template.New("h").Parse(`<span class="badge status-{{.Class}}">{{.Label}}</span><p class="notice partial">{{.Partial}}</p>`))
	var b strings.Builder
	if err := tpl.Execute(&b, StatusOf(`<img src=x onerror=alert(1)>`)); err != nil {
		t.Fatal(err)
	}
	want := `<span class="badge status-idle">&lt;img src=x onerror=alert(1)&gt;</span><p class="notice partial">This scan&#39;s status is &#34;&lt;img src=x onerror=alert(1)&gt;&#34;: the results may be partial.</p>`
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

func TestTypeFacts(t *testing.T) {
	last := time.Date(2026, 11, 18, 9, 41, 32, 500e6, time.UTC)
	for _, c := range []struct {
		name string
		t    model.TypeStat
		want []Fact
	}{
		{"counts only", model.TypeStat{Elements: make([]int32, 3), Unique: 2}, []Fact{{N: "3", Label: "total"}, {N: "2", Label: "unique"}}},
		{"all of them", model.TypeStat{Elements: make([]int32, 1234567), Unique: 1000, Risky: 12, FP: 1, LastSeen: last.UnixMilli()},
			[]Fact{{N: "1,234,567", Label: "total"}, {N: "1,000", Label: "unique"}, {N: "12", Label: "risky"}, {N: "1", Label: "false positive"},
				{Label: "last seen", Time: Time{Text: "2026-11-18 09:41:32 UTC", ISO: "2026-11-18T09:41:32Z"}}}},
		{"false positives", model.TypeStat{Elements: make([]int32, 2), Unique: 2, FP: 2}, []Fact{{N: "2", Label: "total"}, {N: "2", Label: "unique"}, {N: "2", Label: "false positives"}}},
		{"empty", model.TypeStat{}, []Fact{{N: "0", Label: "total"}, {N: "0", Label: "unique"}}},
	} {
		got := TypeFacts(&c.t)
		if len(got) != len(c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: fact %d is %+v, want %+v", c.name, i, got[i], c.want[i])
			}
		}
	}
}

func TestTimeOf(t *testing.T) {
	if got := TimeOf(time.Time{}); got != (Time{}) {
		t.Errorf("zero time: %+v", got)
	}
	in := time.Date(2026, 1, 2, 4, 5, 6, 0, time.FixedZone("X", 3600))
	if got := TimeOf(in); got.Text != "2026-01-02 03:05:06 UTC" || got.ISO != "2026-01-02T03:05:06Z" {
		t.Errorf("%+v", got)
	}
}
