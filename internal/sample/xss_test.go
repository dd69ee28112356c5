package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

func TestXSSPayloads(t *testing.T) {
	must := []string{
		`<script>window.__xss=(window.__xss||0)+1</script>`,
		`<img src=x onerror="window.__xss=(window.__xss||0)+1">`,
		`"><svg onload="window.__xss=(window.__xss||0)+1">`,
		`'-alert(1)-'`,
		`javascript:window.__xss=(window.__xss||0)+1`,
		`</script><script>window.__xss=1</script>`,
		`{{constructor.constructor('window.__xss=1')()}}`,
		`<style>*{display:none}</style>`,
		`<iframe srcdoc="<script>parent.__xss=1</script>">`,
		`=HYPERLINK("http://evil.example","x")`,
		`+cmd|' /C calc'!A0`,
		`-2+3`,
		`@SUM(1+1)`,
	}
	have := map[string]bool{}
	for _, p := range XSSPayloads {
		have[p] = true
	}
	for _, p := range must {
		if !have[p] {
			t.Errorf("XSSPayloads lacks %s", p)
		}
	}
	var textarea, anchor, sep, data, xml, invalid, alert bool
	for _, p := range XSSPayloads {
		textarea = textarea || strings.HasPrefix(p, "</textarea><script>")
		anchor = anchor || strings.HasPrefix(p, `<a href="javascript:`)
		sep = sep || strings.ContainsRune(p, '\u2028') && strings.ContainsRune(p, '\u2029')
		data = data || strings.HasPrefix(p, "data:text/html,<script>")
		xml = xml || strings.Contains(p, "]]><x>&amp;") && strings.Contains(p, "\x01") && strings.Contains(p, "\x0b")
		invalid = invalid || !utf8.ValidString(p)
		alert = alert || strings.Contains(p, "alert(")
		// Whatever would run script must leave a trace in window.__xss
		// (or call alert, which a browser test sees as a dialog).
		if strings.Contains(p, "<script") || strings.Contains(p, "onerror") || strings.Contains(p, "onload") || strings.Contains(p, "javascript:") {
			if !strings.Contains(p, "__xss") && !strings.Contains(p, "alert(") {
				t.Errorf("payload %q runs script without touching __xss or alert", p)
			}
		}
	}
	if !textarea || !anchor || !sep || !data || !xml || !invalid || !alert {
		t.Errorf("textarea %v anchor %v separators %v data %v xml %v invalid %v alert %v", textarea, anchor, sep, data, xml, invalid, alert)
	}
	if long := XSSPayloads[len(XSSPayloads)-1]; len(long) != 1<<20 {
		t.Errorf("last payload is %d bytes, want 1 MiB", len(long))
	}
}

func TestWriteXSS(t *testing.T) {
	root := t.TempDir()
	if err := WriteXSS(root, "xss-corpus"); err != nil {
		t.Fatal(err)
	}
	s := testread.Scan(t, root, "xss-corpus")
	for _, p := range s.Problems {
		if p.Severity == scan.Error {
			t.Errorf("problem: %s", p)
		}
	}
	if s.Meta.Status != scan.StatusFinished || s.Meta.Kind != scan.KindAutomated {
		t.Errorf("meta %+v", s.Meta)
	}
	if len(s.Elements) < 200 {
		t.Errorf("%d elements", len(s.Elements))
	}
	_, children := checkTree(t, s)

	// Every string read back, by field.
	fields := map[string][]string{}
	add := func(field string, v ...string) { fields[field] = append(fields[field], v...) }
	add("meta", s.Meta.Name, s.Meta.Target)
	add("investigations", s.Meta.Investigations...)
	add("modules", s.Meta.Modules...)
	for _, e := range s.Elements {
		add("id", e.ID)
		add("type", e.Type)
		add("data", e.Data)
		add("module", e.Module)
		add("source", e.Source)
	}
	for _, l := range s.Log {
		add("log component", l.Component)
		add("log message", l.Message)
		add("log level", l.Level)
	}
	for _, g := range s.Settings.Global {
		add("global key", g.Key)
		add("global value", g.Value)
	}
	for _, m := range s.Settings.Modules {
		add("module name", m.Module)
		for _, st := range m.Settings {
			add("module key", st.Key)
			add("module value", st.Value)
		}
	}
	for _, d := range s.Review {
		add("review", d.Element, d.By, d.Investigation)
	}
	add("notes", string(s.Notes))
	var raw [][]byte
	for _, f := range []string{scan.ElementsFile, scan.LogFile, scan.NotesFile} {
		b, err := os.ReadFile(filepath.Join(root, "xss-corpus", f))
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, b)
	}
	contains := func(field, p string) bool {
		for _, v := range fields[field] {
			if strings.Contains(v, p) {
				return true
			}
		}
		return false
	}
	for _, p := range XSSPayloads {
		found := utf8.ValidString(p) && contains("data", p)
		for _, b := range raw {
			found = found || bytes.Contains(b, []byte(p))
		}
		if !found {
			t.Errorf("payload %.60q is nowhere in the scan", p)
		}
	}
	// Every field carries payloads.
	probe := `<img src=x onerror="window.__xss=(window.__xss||0)+1">`
	for _, field := range []string{"meta", "investigations", "modules", "id", "type", "data", "module", "source",
		"log component", "log message", "log level", "global key", "global value", "module name", "module key",
		"module value", "review", "notes"} {
		// The reader upper-cases log levels.
		if !contains(field, probe) && !contains(field, "<script>") && !contains(field, strings.ToUpper(probe)) {
			t.Errorf("field %s carries no payload", field)
		}
	}
	// Payloads as element types, nested: a payload-typed element has a child.
	cat := eltypes.MustLoad()
	var madeUp, madeUpParents int
	for _, e := range s.Elements {
		if e.Type != scan.RootID && !cat.Lookup(e.Type).Known {
			madeUp++
			if children[e.ID] > 0 {
				madeUpParents++
			}
		}
	}
	if madeUp < 20 || madeUpParents < 20 {
		t.Errorf("%d elements of made-up types, %d with children", madeUp, madeUpParents)
	}
	// Payload elements are sources of payload elements.
	byID := map[string]scan.Element{}
	for _, e := range s.Elements {
		byID[e.ID] = e
	}
	nested := 0
	for _, e := range s.Elements {
		if src, ok := byID[e.Source]; ok && strings.Contains(src.Data, "__xss") && strings.Contains(e.Data, "__xss") {
			nested++
		}
	}
	if nested < 20 {
		t.Errorf("%d payload elements under payload elements", nested)
	}
	// Raw invalid UTF-8 reached the files.
	if utf8.Valid(raw[0]) || utf8.Valid(raw[1]) || utf8.Valid(raw[2]) {
		t.Error("elements.jsonl, log.jsonl and notes.md should each hold invalid UTF-8")
	}
	var longest int
	for _, e := range s.Elements {
		longest = max(longest, len(e.Data))
	}
	if longest < 1<<20 {
		t.Errorf("longest value %d bytes", longest)
	}
	if len(s.Review) < 3 {
		t.Errorf("%d decisions", len(s.Review))
	}
}
