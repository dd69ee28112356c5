// Package lookup runs the lookup commands that Explore offers in the preview
// server (config.toml [lookups], docs/investigations.md): a configured
// program is run on one element, with the element's type and value as
// arguments, and the JSON-lines elements it prints become children of that
// element.
//
// The command is configured by the person running scanreport; the element
// is scan data, scraped from the internet, and so is the command's output.
// Hence: no shell (argv only, the value substituted inside single
// arguments, refused where it could pass for an option), a time limit after
// which the whole process group is killed, stdin closed, a small fixed
// environment, output read up to a limit and every line validated like a
// scanner's line. Ids and sources are never taken from the output.
//
// The package runs commands and parses their output; writing the elements
// into the scan is the caller's (decisions.Site.AddChildren).
package lookup

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/scanreport/scanreport/scan"
)

// Command is one configured lookup.
type Command struct {
	Name    string   // short id, [a-z0-9][a-z0-9_-]*
	Label   string   // what the button says
	Types   []string // element type codes it applies to; "*" matches any
	Argv    []string // program and arguments, with {type} and {data} placeholders
	Dir     string   // working folder; a relative program path with a slash starts here
	Timeout time.Duration
	Kinds   []string // scan kinds it may run on
	Env     []string // names of environment variables passed on besides the fixed ones
	// MaxOutput bounds the bytes of standard output read.
	MaxOutput int
	// Pass says how the value may be passed where it begins an argument:
	// PassRefuse (the default) refuses a value beginning with - + or @;
	// PassAfterDashDash passes any value, for a command whose argv has
	// "--" before every argument that begins with {data}.
	Pass string
}

// How a value beginning an argument is passed (Command.Pass).
const (
	PassRefuse        = "refuse-options"
	PassAfterDashDash = "after-double-dash"
)

// optionStart are the characters a value may not begin with under
// PassRefuse: '-' starts an option for getopt-style programs, '+' and '@'
// are options to dig and its kin (+short, @server).
const optionStart = "-+@"

// DashDashBeforeData reports whether every argument of argv that begins
// with {data} comes after a "--" argument (argv[0] is the program).
func DashDashBeforeData(argv []string) bool {
	dash := false
	for i, a := range argv {
		if i == 0 {
			continue
		}
		if a == "--" {
			dash = true
		}
		if strings.HasPrefix(a, "{data}") && !dash {
			return false
		}
	}
	return true
}

// Applies reports whether the command may run on an element of type typ
// in a scan of the given kind.
func (c *Command) Applies(typ, kind string) bool {
	if !slices.Contains(c.Kinds, kind) {
		return false
	}
	return slices.Contains(c.Types, "*") || slices.Contains(c.Types, typ)
}

// Limits on what a command may give and receive.
const (
	MaxValue    = 8 << 10  // longest element value passed to a command
	MaxElements = 1000     // elements taken from one run
	MaxData     = 64 << 10 // longest value of an element it prints
	MaxStderr   = 4 << 10  // standard error kept for the message
	MaxProblems = 5        // problems with the output described in the reply
)

// Refusal is a lookup that is not run, with the reason for the analyst.
type Refusal struct{ Text string }

func (r *Refusal) Error() string { return r.Text }

// Failure is a command that ran and failed (exit status, time limit), with
// the reason for the analyst.
type Failure struct{ Text string }

func (f *Failure) Error() string { return f.Text }

// Result is what a run gave.
type Result struct {
	// Elements are the valid elements printed, in order, without
	// duplicates; ID and Source are empty, Module is "lookup:<name>".
	Elements []scan.Element
	Skipped  int      // lines that were not valid elements, or beyond MaxElements
	Problems []string // the first problems, "line N: why"
	Cut      bool     // the output was longer than MaxOutput; the rest was not read
	Stderr   string   // the start of standard error
	Took     time.Duration
}

var typeCode = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,63}$`)

// ValidType reports whether t is a usable element type code for a lookup's
// output: upper-case SpiderFoot-style, not ROOT.
func ValidType(t string) bool { return typeCode.MatchString(t) && t != scan.RootID }

// Argv substitutes the element's type and value into the command's
// arguments, each within its own argument. It refuses a value that could
// not be passed safely: empty, too long, holding a NUL, or, where it would
// begin an argument, beginning with - + or @ (the program could take it for
// an option) unless the command passes it after "--" (Pass).
func (c *Command) argv(typ, data string) ([]string, error) {
	if data == "" {
		return nil, &Refusal{"the element has no value to look up"}
	}
	if len(data) > MaxValue {
		return nil, &Refusal{fmt.Sprintf("the value is %d bytes long; lookups take values up to %d bytes", len(data), MaxValue)}
	}
	if strings.ContainsRune(data, 0) || !utf8.ValidString(data) {
		return nil, &Refusal{"the value holds a NUL character or invalid UTF-8, which cannot be passed to a command"}
	}
	afterDash := c.Pass == PassAfterDashDash
	if afterDash && !DashDashBeforeData(c.Argv) {
		return nil, &Refusal{fmt.Sprintf("lookup %q passes its value after \"--\" but its argv has {data} before \"--\"", c.Name)}
	}
	r := strings.NewReplacer("{type}", typ, "{data}", data)
	out := make([]string, len(c.Argv))
	for i, a := range c.Argv {
		if i == 0 {
			out[0] = a
			continue
		}
		out[i] = r.Replace(a)
		if !afterDash && strings.HasPrefix(a, "{data}") && strings.ContainsRune(optionStart, rune(data[0])) {
			return nil, &Refusal{fmt.Sprintf("the value begins with '%c', which the command could take for an option; it is not passed "+
				"(a lookup whose argv puts {data} after \"--\" can declare pass = %q)", data[0], PassAfterDashDash)}
		}
	}
	if prog := out[0]; !filepath.IsAbs(prog) && strings.ContainsRune(prog, filepath.Separator) && c.Dir != "" {
		// Absolute, so it does not depend on how the working folder is
		// entered.
		abs, err := filepath.Abs(filepath.Join(c.Dir, prog))
		if err != nil {
			return nil, err
		}
		out[0] = abs
	}
	return out, nil
}

// fixedEnv are the environment variables every command gets (when set).
var fixedEnv = []string{"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ"}

func (c *Command) env(typ string) []string {
	var env []string
	for _, name := range append(append([]string(nil), fixedEnv...), c.Env...) {
		if v, ok := os.LookupEnv(name); ok {
			env = append(env, name+"="+v)
		}
	}
	return append(env, "SCANREPORT_LOOKUP="+c.Name, "SCANREPORT_TYPE="+typ)
}

// Run runs the command on an element of type typ with value data. A
// lookup that cannot run is a *Refusal; one that ran and failed (exit
// status, time limit, unreadable output) is a *Failure whose text says why.
func Run(ctx context.Context, c Command, typ, data string) (Result, error) {
	var res Result
	if !ValidType(typ) {
		return res, &Refusal{fmt.Sprintf("element type %s cannot be looked up", strconv.Quote(truncate(typ, 60)))}
	}
	argv, err := c.argv(typ, data)
	if err != nil {
		return res, err
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.MaxOutput <= 0 {
		c.MaxOutput = 1 << 20
	}
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = c.Dir
	cmd.Env = c.env(typ)
	cmd.Stdin = nil // the null device
	stderr := &capped{max: MaxStderr}
	cmd.Stderr = stderr
	// Output beyond MaxOutput stops the command: what came so far is used.
	stdout := &capped{max: c.MaxOutput, full: cancel}
	cmd.Stdout = stdout
	// Once the process is gone (or stopped), pipes still held open by
	// children it left behind are closed within this delay.
	cmd.WaitDelay = 2 * time.Second
	killGroup(cmd)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return res, &Failure{fmt.Sprintf("lookup %s could not start: %v", c.Name, cleanErr(err))}
	}
	waitErr := cmd.Wait()
	res.Took = time.Since(start)
	res.Stderr = strings.TrimSpace(strings.ToValidUTF8(stderr.String(), "\uFFFD"))
	cut := stdout.over
	res.Cut = cut
	out := stdout.b.Bytes()
	switch {
	case cut:
		// Stopped on purpose; its exit status says nothing.
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return res, &Failure{fmt.Sprintf("lookup %s took longer than %s and was stopped", c.Name, c.Timeout)}
	case waitErr != nil:
		msg := fmt.Sprintf("lookup %s failed: %v", c.Name, cleanErr(waitErr))
		if res.Stderr != "" {
			msg += ": " + truncate(oneLine(res.Stderr), 300)
		}
		return res, &Failure{msg}
	}
	parse(&res, out, c.Name, cut)
	return res, nil
}

// cleanErr drops the program path from exec errors (it is the operator's,
// but a message shown in a page needs no paths).
func cleanErr(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ProcessState.String()
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// line is what a lookup prints per element. Other keys (id, source,
// module …) are ignored: scanreport makes the ids and sets the source.
type line struct {
	Type       *string `json:"type"`
	Data       *string `json:"data"`
	Risk       *int    `json:"risk"`
	Confidence *int    `json:"confidence"`
	Visibility *int    `json:"visibility"`
}

// parse turns the output into elements. A last line without its newline
// counts, unless the output was cut there.
func parse(res *Result, out []byte, name string, cut bool) {
	if cut {
		if i := bytes.LastIndexByte(out, '\n'); i >= 0 {
			out = out[:i+1]
		} else {
			out = nil
		}
	}
	seen := map[[2]string]bool{}
	problem := func(n int, format string, args ...any) {
		res.Skipped++
		if len(res.Problems) < MaxProblems {
			res.Problems = append(res.Problems, fmt.Sprintf("line %d: ", n)+fmt.Sprintf(format, args...))
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64<<10), len(out)+1)
	n := 0
	for sc.Scan() {
		n++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var l line
		if err := json.Unmarshal(b, &l); err != nil {
			problem(n, "not a JSON object with type and data (%s)", truncate(err.Error(), 120))
			continue
		}
		if l.Type == nil || l.Data == nil {
			problem(n, "an element needs a type and a data string")
			continue
		}
		typ, data := *l.Type, strings.ToValidUTF8(*l.Data, "\uFFFD")
		if !ValidType(typ) {
			problem(n, "type %s is not an element type code (upper-case letters, digits and '_'; not ROOT)", strconv.Quote(truncate(typ, 60)))
			continue
		}
		if data == "" {
			problem(n, "empty data")
			continue
		}
		if len(data) > MaxData {
			problem(n, "data is %d bytes long; at most %d are taken", len(data), MaxData)
			continue
		}
		e := scan.Element{Type: typ, Data: data, Module: "lookup:" + name, Confidence: 100, Visibility: 100}
		bad := false
		for _, p := range []struct {
			key string
			v   *int
			dst *int
		}{{"risk", l.Risk, &e.Risk}, {"confidence", l.Confidence, &e.Confidence}, {"visibility", l.Visibility, &e.Visibility}} {
			if p.v == nil {
				continue
			}
			if *p.v < 0 || *p.v > 100 {
				problem(n, "%s %d is not within 0–100", p.key, *p.v)
				bad = true
				break
			}
			*p.dst = *p.v
		}
		if bad {
			continue
		}
		k := [2]string{typ, data}
		if seen[k] {
			continue // the same element twice: once is enough
		}
		if len(res.Elements) == MaxElements {
			problem(n, "more than %d elements; the rest are left out", MaxElements)
			continue
		}
		seen[k] = true
		res.Elements = append(res.Elements, e)
	}
	if err := sc.Err(); err != nil {
		problem(n+1, "%v", err)
	}
}

// capped keeps the first max bytes written to it. Once more arrive it
// sets over and calls full (when set), once.
type capped struct {
	max  int
	b    bytes.Buffer
	over bool
	full func()
}

func (c *capped) Write(p []byte) (int, error) {
	room := c.max - c.b.Len()
	if room > 0 {
		c.b.Write(p[:min(room, len(p))])
	}
	if len(p) > room && !c.over {
		c.over = true
		if c.full != nil {
			c.full()
		}
	}
	return len(p), nil
}

func (c *capped) String() string { return c.b.String() }

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
