package correlate

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	defaultrules "github.com/scanreport/scanreport/rules"
	"github.com/scanreport/scanreport/scan"
)

// Load reads every rule file (*.yaml but template.yaml; hidden files are
// passed over) of the folder dir, sorted by name. Files with errors are left
// out and reported, each error as a problem naming the file and line; a
// missing or unreadable folder is one problem. Warnings (an unknown type, a
// file with another extension) are problems of severity Warning that leave
// the rule in.
func Load(dir string) ([]*Rule, []scan.Problem) {
	return LoadFS(os.DirFS(dir), ".", filepath.ToSlash(dir))
}

// LoadFS is Load for the folder dir of fsys (e.g. an embed.FS); shown is
// the folder's name in messages.
func LoadFS(fsys fs.FS, dir, shown string) ([]*Rule, []scan.Problem) {
	var probs []scan.Problem
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, []scan.Problem{{File: shown, Severity: scan.Error, Kind: KindRule, Text: "correlation rules not read: " + errText(err)}}
	}
	var rules []*Rule
	for _, e := range entries {
		name := e.Name()
		file := path.Join(shown, name)
		switch {
		case strings.HasPrefix(name, "."), name == TemplateFile, e.IsDir():
			continue
		case !strings.HasSuffix(name, ".yaml"):
			if strings.HasSuffix(name, ".yml") {
				probs = append(probs, scan.Problem{File: file, Severity: scan.Warning, Kind: KindRule,
					Text: "ignored: rule files must end in .yaml, as in SpiderFoot"})
			}
			continue
		}
		data, err := readLimited(fsys, path.Join(dir, name))
		if err != nil {
			probs = append(probs, scan.Problem{File: file, Severity: scan.Error, Kind: KindRule, Text: "not read: " + errText(err)})
			continue
		}
		r, err := Parse(data, file)
		if r != nil {
			for _, w := range r.warnings {
				probs = append(probs, w.problem(scan.Warning))
			}
		}
		var pe *ParseError
		switch {
		case errors.As(err, &pe):
			for _, x := range pe.Errors {
				probs = append(probs, x.problem(scan.Error))
			}
			continue
		case err != nil:
			probs = append(probs, scan.Problem{File: file, Severity: scan.Error, Kind: KindRule, Text: err.Error()})
			continue
		}
		rules = append(rules, r)
	}
	return rules, probs
}

func (e *RuleError) problem(sev scan.Severity) scan.Problem {
	text := e.Msg
	if e.Key != "" {
		text = e.Key + ": " + e.Msg
	}
	return scan.Problem{File: e.File, Line: e.Line, Severity: sev, Kind: KindRule, Text: text}
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	// Checked before it is opened: opening a FIFO blocks until a writer
	// comes, and no signal interrupts that.
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxRuleSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxRuleSize {
		return nil, fmt.Errorf("larger than %d KiB", MaxRuleSize>>10)
	}
	return data, nil
}

// LoadDefault loads scanreport's own rule set as built into the binary
// (the rules folder of the repository, package rules).
func LoadDefault() ([]*Rule, []scan.Problem) {
	return LoadFS(defaultrules.FS, ".", "builtin:rules")
}
