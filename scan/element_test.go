package scan

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// readAll reads elements from text and returns them with the problems, each
// problem as its String().
func readAll(t *testing.T, text string) ([]Element, []string, Position) {
	t.Helper()
	var els []Element
	var probs []string
	pos, err := ReadElements(strings.NewReader(text), Position{}, "s/elements.jsonl",
		func(p Problem) { probs = append(probs, p.String()) },
		func(e Element, line int) error { els = append(els, e); return nil })
	if err != nil {
		t.Fatalf("ReadElements: %v", err)
	}
	return els, probs, pos
}

// expectRead checks the ids read from text and the problems reported.
func expectRead(t *testing.T, text string, ids string, problems ...string) {
	t.Helper()
	els, probs, _ := readAll(t, text)
	var got []string
	for _, e := range els {
		got = append(got, e.ID)
	}
	if strings.Join(got, ",") != ids {
		t.Errorf("ids = %q, want %q", strings.Join(got, ","), ids)
	}
	if strings.Join(probs, "\n") != strings.Join(problems, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(probs, "\n"), strings.Join(problems, "\n"))
	}
}

const okTime = `,"generated":"2026-11-20T10:00:00Z"`

func line(id, typ, data, src string) string {
	b, _ := json.Marshal(data)
	return fmt.Sprintf(`{"id":%q,"type":%q,"data":%s,"source":%q,"module":"m"%s}`+"\n", id, typ, b, src, okTime)
}

func TestReadElements(t *testing.T) {
	root := `{"id":"ROOT","type":"ROOT","data":"example.com","source":"ROOT","module":""` + okTime + "}\n"
	expectRead(t, root+line("a", "IP_ADDRESS", "1.2.3.4", "ROOT"), "ROOT,a")
	// An incomplete last line is not an element yet.
	expectRead(t, root+`{"id":"b","type":"IP_ADDRESS"`, "ROOT")
	// Malformed lines are reported with file and line, and the rest is read.
	expectRead(t, root+"{bad\n"+line("a", "X", "v", "ROOT")+"[1,2]\n",
		"ROOT,a",
		`s/elements.jsonl:2: error: not a JSON object: column 2: expected a quoted key`,
		`s/elements.jsonl:4: error: not a JSON object: column 1: expected '{', found '['`)
	expectRead(t, `{"id":"a","data":"x"}`+"\n", "", `s/elements.jsonl:1: error: element has no "type"; line skipped`)
	expectRead(t, `{"type":"X","data":"x"}`+"\n", "", `s/elements.jsonl:1: error: element has no "id"; line skipped`)
	expectRead(t, `{"id":"ROOT","type":"IP_ADDRESS","data":"x"}`+"\n", "",
		`s/elements.jsonl:1: error: only the ROOT element may use id or type "ROOT", and it must use both; line skipped`)
	expectRead(t, `{"id":"a","type":"X","data":"x","module":"m"`+okTime+"}\n", "a",
		`s/elements.jsonl:1: warning: element "a" has no "source"; attached to ROOT`)
	expectRead(t, `{"id":"a","type":"X","source":"ROOT","data":"x","generated":"yesterday"}`+"\n", "a",
		`s/elements.jsonl:1: warning: "generated" is not an RFC 3339 time: "yesterday"`,
		`s/elements.jsonl:1: warning: element "a" has no valid "generated" time`)
	expectRead(t, `{"id":"a","type":"X","source":"ROOT","data":"x","risk":150,"confidence":"high"`+okTime+"}\n", "a",
		`s/elements.jsonl:1: warning: "risk" is 150, outside 0–100; 100 used`,
		`s/elements.jsonl:1: warning: "confidence" must be a number from 0 to 100; 100 used`)
	// Blank lines and CRLF are fine; unknown keys and nested values are skipped.
	expectRead(t, "\n\r\n"+`{"id":"a","type":"X","source":"ROOT","data":"x","extra":{"k":[1,{"z":"}"}]}`+okTime+"}\r\n", "a")
	// Trailing garbage after the object is an error.
	expectRead(t, `{"id":"a","type":"X"} x`+"\n", "", `s/elements.jsonl:1: error: not a JSON object: column 23: unexpected text after the object`)
}

func TestReadElementsValues(t *testing.T) {
	huge := strings.Repeat("A", 3<<20)
	text := line("ctl", "X", "a\x00b\x1b[31mc\u2028", "ROOT") +
		`{"id":"utf","type":"X","source":"ROOT","data":"bad` + "\xff\xfe" + `utf","module":"m"` + okTime + "}\n" +
		`{"id":"raw","type":"X","source":"ROOT","data":"tab` + "\t" + `bell` + "\x07" + `","module":"m"` + okTime + "}\n" +
		`{"id":"esc","type":"X","source":"ROOT","data":"\ud83d\ude00 \ud800 \u00e9\n","module":"m"` + okTime + "}\n" +
		line("huge", "X", huge, "ROOT") +
		`{"id":7,"type":"X","source":"ROOT","data":42,"module":true,"generated":1763632800.5}` + "\n"
	els, probs, _ := readAll(t, text)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := map[string]string{
		"ctl":  "a\x00b\x1b[31mc\u2028",
		"utf":  "bad\ufffd\ufffdutf",
		"raw":  "tab\tbell\x07",
		"esc":  "😀 \ufffd é\n",
		"huge": huge,
		"7":    "42",
	}
	if len(els) != len(want) {
		t.Fatalf("read %d elements, want %d", len(els), len(want))
	}
	for _, e := range els {
		if e.Data != want[e.ID] {
			t.Errorf("%s: data = %q", e.ID, truncate(e.Data, 40))
		}
		if !utf8.ValidString(e.Data) {
			t.Errorf("%s: data is not valid UTF-8", e.ID)
		}
	}
	if g := els[5].Generated.UnixMilli(); g != 1763632800500 {
		t.Errorf("epoch seconds read as %d ms", g)
	}
	if els[5].Module != "true" {
		t.Errorf("boolean module read as %q", els[5].Module)
	}
}

// Reading again from the returned position picks up exactly the lines added.
func TestReadElementsResume(t *testing.T) {
	first := line("a", "X", "1", "ROOT") + `{"id":"b","ty`
	_, _, pos := readAll(t, first)
	if pos.Line != 1 || pos.Offset != int64(strings.Index(first, "{\"id\":\"b\"")) {
		t.Fatalf("position after first read = %+v", pos)
	}
	full := first + `pe":"X","source":"a","data":"2"` + okTime + "}\n" + line("c", "X", "3", "b")
	var ids []string
	var lines []int
	pos2, err := ReadElements(strings.NewReader(full[pos.Offset:]), pos, "f", nil, func(e Element, n int) error {
		ids, lines = append(ids, e.ID), append(lines, n)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ids, lines) != "[b c] [2 3]" || pos2.Offset != int64(len(full)) || pos2.Line != 3 {
		t.Fatalf("resumed read: ids %v lines %v pos %+v", ids, lines, pos2)
	}
}

func TestScanLinesTooLong(t *testing.T) {
	text := "short\n" + strings.Repeat("x", 5000) + "\nafter\n" + strings.Repeat("y", 100) + "\n"
	var got []string
	_, err := scanLines(strings.NewReader(text), Position{}, 1000, func(l []byte, n int, tooLong bool) error {
		if tooLong {
			got = append(got, fmt.Sprintf("%d:too long", n))
		} else {
			got = append(got, fmt.Sprintf("%d:%d", n, len(l)))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "1:5 2:too long 3:5 4:100" {
		t.Fatalf("got %v", got)
	}
}

// FuzzFlatDecoder checks the decoder against encoding/json: whatever
// encoding/json accepts as a flat object of strings, the decoder reads with
// the same values.
func FuzzFlatDecoder(f *testing.F) {
	for _, s := range []string{`{"a":"b"}`, `{"a":"\u00e9\ud83d\ude00","b":1.5e3,"c":null,"d":true,"e":[1,{"x":"]"}]}`,
		`{"a":"\ud800x"}`, "{\"a\":\"\xff\"}", `{}`, ` { "k" : "v" } `, `{"a":"b","a":"c"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want map[string]any
		stdErr := json.Unmarshal([]byte(s), &want)
		var d flatDecoder
		got := map[string]any{}
		err := d.decode([]byte(s), func(k []byte, v flatValue) error {
			switch v.kind {
			case kindString:
				got[string(k)] = string(v.b)
				if !utf8.Valid(v.b) {
					t.Fatalf("invalid UTF-8 from %q", s)
				}
			default:
				got[string(k)] = nil
			}
			return nil
		})
		if stdErr != nil || want == nil {
			return // the decoder may be more lenient; it must not crash
		}
		if err != nil {
			t.Fatalf("decoder refused %q that encoding/json accepts: %v", s, err)
		}
		for k, v := range want {
			if sv, ok := v.(string); ok && got[k] != sv {
				t.Fatalf("key %q: got %q, want %q (input %q)", k, got[k], sv, s)
			}
		}
	})
}

func BenchmarkReadElements(b *testing.B) {
	var sb strings.Builder
	for i := range 10000 {
		sb.WriteString(line(fmt.Sprintf("e%d", i), "INTERNET_NAME", fmt.Sprintf("host-%d.example.com", i), "ROOT"))
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		n := 0
		_, err := ReadElements(strings.NewReader(text), Position{}, "f", nil, func(e Element, _ int) error { n++; return nil })
		if err != nil || n != 10000 {
			b.Fatal(err, n)
		}
	}
}

func TestReadAhead(t *testing.T) {
	var sb strings.Builder
	for i := range 200000 {
		fmt.Fprintf(&sb, "line %d %s\n", i, strings.Repeat("x", i%97))
	}
	want := sb.String()
	ra := newReadAhead(strings.NewReader(want))
	defer ra.Close()
	var got strings.Builder
	buf := make([]byte, 7777)
	for {
		n, err := ra.Read(buf)
		got.Write(buf[:n])
		if err != nil {
			break
		}
	}
	if got.String() != want {
		t.Fatalf("read %d bytes, want %d", got.Len(), len(want))
	}
	// Closing before the end stops the goroutine.
	ra2 := newReadAhead(strings.NewReader(want))
	ra2.Read(buf)
	ra2.Close()
}
