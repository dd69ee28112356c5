package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// updateGolden rewrites testdata/golden from the current build:
//
//	go test ./cmd/scanreport -run TestGoldenSite -args -update
var updateGolden = flag.Bool("update", false, "rewrite the golden site in testdata/golden")

// TestGoldenSite builds the committed sample scans with the committed
// config.toml, as `make site` does, and compares what the pages say and
// the data files the browser reads with testdata/golden. A change to the
// output shows up as a diff of those files: run with -update and read
// `git diff cmd/scanreport/testdata/golden` to see exactly what it did.
//
// Pages are kept as their text (one line per text run, `→ href` after each
// link), data files as they are; asset hashes are replaced by "HASH", so a
// change to the CSS or the bundles does not touch the golden files.
// Downloads are left out (the exports have their own tests), and so are
// hidden files (the incremental build's records of this machine's files).
func TestGoldenSite(t *testing.T) {
	cliEnv(t)
	out := filepath.Join(t.TempDir(), "site")
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "build", "--config", filepath.Join(repo, "config.toml"),
		"--scans", filepath.Join(repo, "scans"), "--out", out)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s\n%s", code, stdout, stderr)
	}
	got, err := goldenFiles(out)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "golden")
	if *updateGolden {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for name, b := range got {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %d golden files to %s", len(got), dir)
		return
	}
	want := map[string][]byte{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		want[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatalf("read the golden site (run with -update to write it): %v", err)
	}
	var diffs []string
	names := slices.Collect(maps.Keys(got))
	for name := range want {
		if _, ok := got[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		g, gok := got[name]
		w, wok := want[name]
		switch {
		case !wok:
			diffs = append(diffs, name+": new in the build")
		case !gok:
			diffs = append(diffs, name+": missing from the build")
		case !bytes.Equal(g, w):
			diffs = append(diffs, name+": "+firstDifference(w, g))
		}
	}
	if len(diffs) > 0 {
		if len(diffs) > 30 {
			diffs = append(diffs[:30], fmt.Sprintf("… and %d more", len(diffs)-30))
		}
		t.Errorf("the site differs from testdata/golden in %d files; if the change is meant, run\n"+
			"  go test ./cmd/scanreport -run TestGoldenSite -args -update\nand commit the diff it shows.\n%s",
			len(diffs), strings.Join(diffs, "\n"))
	}
}

// assetHash is the content hash in the name of a bundled asset.
var assetHash = regexp.MustCompile(`(assets/[a-z-]+)\.[0-9a-f]{10}\.`)

// goldenFiles reads a built site into its golden form, by slash path.
func goldenFiles(site string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "assets/") || strings.Contains(rel, "/downloads/") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(rel, ".html"):
			b, err = pageText(b)
			if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			rel += ".txt"
		case strings.HasSuffix(rel, ".js"):
			b = indentChunk(b)
		}
		files[rel] = assetHash.ReplaceAll(b, []byte("${1}.HASH."))
		return nil
	})
	return files, err
}

// indentChunk lays the JSON of a data file, `(…).push({…});`, out one value
// a line, so that a diff of the golden files points at the value that
// changed; a file of another shape is kept as it is. A packed file
// (internal/datafile) is shown as the payload it holds, unpacked.
func indentChunk(b []byte) []byte {
	if datafile.Packed(b) {
		pl, err := datafile.Payload(b, 0)
		if err != nil {
			return b
		}
		header, body := datafile.Split(pl)
		var out bytes.Buffer
		out.WriteString("packed data file holding:\n")
		if err := json.Indent(&out, header, "", " "); err != nil {
			return b
		}
		out.WriteByte('\n')
		if body != nil {
			out.WriteString(bodyText(pl, body))
		}
		return out.Bytes()
	}
	open, end := bytes.Index(b, []byte(".push(")), bytes.LastIndexByte(b, ')')
	if open < 0 || end < open {
		return b
	}
	var out bytes.Buffer
	out.Write(b[:open+len(".push(")])
	out.WriteByte('\n')
	if err := json.Indent(&out, b[open+len(".push("):end], "", " "); err != nil {
		return b
	}
	out.WriteByte('\n')
	out.Write(b[end:])
	return out.Bytes()
}

// bodyText shows a packed file's binary body: a dictionary block's
// entries one a line and its posting streams, a trigram shard's trigrams
// one a line with their blocks, an exact shard's two streams (streams in
// base64), else base64.
func bodyText(pl, body []byte) string {
	v, err := sitefmt.Decode(pl)
	if blk, ok := v.(*sitefmt.IndexBlock); ok && err == nil {
		if d, err := blk.Dict(); err == nil {
			var sb strings.Builder
			sb.WriteString("its body, a dictionary block's entries:\n")
			for _, e := range d.E {
				q, _ := json.Marshal(e)
				sb.Write(q)
				sb.WriteByte('\n')
			}
			sb.WriteString("data postings: " + base64.StdEncoding.EncodeToString(d.D) + "\n")
			return sb.String()
		}
	}
	if src, ok := v.(*sitefmt.IndexSources); ok && err == nil {
		return "its body, a dictionary block's source postings: " + base64.StdEncoding.EncodeToString(src.Bin) + "\n"
	}
	enc := base64.StdEncoding.EncodeToString
	if sh, ok := v.(*sitefmt.TrigramShard); ok && err == nil {
		if lists, err := sh.Lists(); err == nil {
			var sb strings.Builder
			sb.WriteString("its body, trigrams and their blocks:\n")
			for _, l := range lists {
				q, _ := json.Marshal(l.T)
				sb.WriteString(string(q) + " " + enc(l.Blocks) + "\n")
			}
			return sb.String()
		}
	}
	if sh, ok := v.(*sitefmt.ExactShard); ok && err == nil {
		if h, p, err := sh.Streams(); err == nil {
			return "its body, hashes: " + enc(h) + "\nblocks: " + enc(p) + "\n"
		}
	}
	return "its body: " + enc(body) + "\n"
}

// pageText is what a page says: its title, each run of text on a line of
// its own, and `→ href` after the start of each link.
func pageText(page []byte) ([]byte, error) {
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(page))
	skip := 0 // inside script or style
	for {
		switch z.Next() {
		case html.ErrorToken:
			if err := z.Err(); err.Error() != "EOF" {
				return nil, err
			}
			return out.Bytes(), nil
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Script, atom.Style, atom.Template:
				if tok.Type == html.StartTagToken {
					skip++
				}
			case atom.A:
				for _, a := range tok.Attr {
					if a.Key == "href" {
						fmt.Fprintf(&out, "→ %s\n", a.Val)
					}
				}
			}
		case html.EndTagToken:
			switch z.Token().DataAtom {
			case atom.Script, atom.Style, atom.Template:
				skip = max(skip-1, 0)
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if s := strings.Join(strings.Fields(string(z.Text())), " "); s != "" {
				out.WriteString(s + "\n")
			}
		}
	}
}

// firstDifference names the first line where two files part.
func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d: want %.120q, got %.120q", i+1, wl, gl)
		}
	}
	return "differs"
}
