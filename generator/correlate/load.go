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

// Selection says which rules run: built-in rule sets, a folder of the
// operator's own rule files, and rule ids turned off (config.toml's
// [correlations] sets, rules and disable; docs/correlations.md).
type Selection struct {
	// Sets names built-in rule sets (package rules), in order.
	Sets []string
	// Dir is a folder of rule files; "" means none. A rule of the folder
	// whose id a chosen set also has replaces that set's rule; the others
	// are added after the sets' rules.
	Dir string
	// Disable lists rule ids that do not run, whatever set or folder they
	// come from. An id no rule has is an error (a typo would otherwise
	// leave the rule meant running).
	Disable []string
	// Where names where a key of the selection ("correlations.rules",
	// "correlations.disable", "correlations.sets") was written, for
	// messages, e.g. "config.toml:52"; nil means "config.toml".
	Where func(key string) string
}

// DefaultSelection is every built-in set, no folder, nothing turned off.
func DefaultSelection() Selection {
	return Selection{Sets: defaultrules.DefaultSets()}
}

// Selected is what LoadSelection read.
type Selected struct {
	Rules    []*Rule
	Problems []scan.Problem // errors and warnings, each naming a file (and line)
	// Unread is set when the rules folder (Selection.Dir) could not be
	// read: none of its rules ran. It names the folder and the reason.
	Unread error
}

// LoadSelection loads the rules sel chooses. Rule.Set says where each rule
// comes from: a built-in set's name, or FolderSet for the folder's.
//
// Ids are unique in the result. Two chosen built-in sets having a rule of
// the same id is a warning and the set named later wins (the built-in sets
// share no id; a test holds them to that). A folder rule replaces the
// built-in rule of its id in place (Rule.Replaces names the set): that is
// how a built-in rule is changed.
func LoadSelection(sel Selection) Selected {
	return loadSelection(sel, defaultrules.Lookup)
}

// FolderSet is the Rule.Set of rules read from Selection.Dir.
const FolderSet = "folder"

func loadSelection(sel Selection, lookup func(string) (defaultrules.Set, bool)) Selected {
	var out Selected
	where := sel.Where
	if where == nil {
		where = func(string) string { return "config.toml" }
	}
	index := map[string]int{} // rule id → position in out.Rules
	add := func(r *Rule) {
		if i, ok := index[r.ID]; ok {
			old := out.Rules[i]
			if r.Set != FolderSet {
				out.Problems = append(out.Problems, scan.Problem{File: r.File, Severity: scan.Warning, Kind: KindRule,
					Text: fmt.Sprintf("rule id %q of set %q is also in set %q; the one of %q runs", r.ID, r.Set, old.Set, r.Set)})
			}
			r.Replaces = old.Set
			out.Rules[i] = r
			return
		}
		index[r.ID] = len(out.Rules)
		out.Rules = append(out.Rules, r)
	}
	seen := map[string]bool{}
	for _, name := range sel.Sets {
		set, ok := lookup(name)
		if !ok {
			out.Problems = append(out.Problems, scan.Problem{File: where("correlations.sets"), Severity: scan.Error, Kind: KindRule,
				Text: fmt.Sprintf("[correlations] sets: no built-in rule set is called %q (there are: %s)", name, strings.Join(defaultrules.DefaultSets(), ", "))})
			continue
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		rules, probs := LoadFS(set.FS, ".", "builtin:"+name)
		out.Problems = append(out.Problems, probs...)
		for _, r := range rules {
			r.Set = name
			add(r)
		}
	}
	if sel.Dir != "" {
		shown := filepath.ToSlash(sel.Dir)
		if _, err := fs.ReadDir(os.DirFS(sel.Dir), "."); err != nil {
			abs := sel.Dir
			if a, err := filepath.Abs(sel.Dir); err == nil {
				abs = a
			}
			at := where("correlations.rules")
			out.Unread = fmt.Errorf("the rules folder %s ([correlations] rules in %s) was not read: %s", abs, at, errText(err))
			out.Problems = append(out.Problems, scan.Problem{File: shown, Severity: scan.Error, Kind: KindRule,
				Text: fmt.Sprintf("rules folder %s not read, none of its rules ran: %s (set by [correlations] rules in %s)", abs, errText(err), at)})
		} else {
			rules, probs := Load(sel.Dir)
			out.Problems = append(out.Problems, probs...)
			for _, r := range rules {
				r.Set = FolderSet
				add(r)
			}
		}
	}
	if len(sel.Disable) > 0 {
		off := map[string]bool{}
		for _, id := range sel.Disable {
			// With the folder unread, the id may be one of its rules.
			if _, ok := index[id]; !ok && out.Unread == nil {
				out.Problems = append(out.Problems, scan.Problem{File: where("correlations.disable"), Severity: scan.Error, Kind: KindRule,
					Text: fmt.Sprintf("[correlations] disable: no rule has the id %q", id)})
			}
			off[id] = true
		}
		kept := out.Rules[:0]
		for _, r := range out.Rules {
			if !off[r.ID] {
				kept = append(kept, r)
			}
		}
		out.Rules = kept
	}
	return out
}
