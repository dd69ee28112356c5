package lookup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func needUnix(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the test scripts are POSIX shell scripts")
	}
}

// script writes a shell script into a temporary folder and returns a
// command running it with the element's type and value.
func script(t *testing.T, body string) Command {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "lookup.sh"), []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return Command{Name: "test", Argv: []string{"./lookup.sh", "{type}", "{data}"}, Dir: dir, Timeout: 10 * time.Second,
		Types: []string{"*"}, Kinds: []string{"manual"}, MaxOutput: 1 << 20}
}

func TestExampleLookup(t *testing.T) {
	needUnix(t)
	c := Command{Name: "example", Argv: []string{"examples/lookups/example-lookup.sh", "{type}", "{data}"}, Dir: filepath.Join("..")}
	res, err := Run(context.Background(), c, "INTERNET_NAME", `www.acme-corp.example"><script>`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Elements) != 3 || res.Skipped != 0 {
		t.Fatalf("got %+v", res)
	}
	for _, e := range res.Elements {
		if e.ID != "" || e.Source != "" || e.Module != "lookup:example" || e.Confidence != 100 {
			t.Errorf("element %+v", e)
		}
	}
	if res.Elements[0].Type != "IP_ADDRESS" || !strings.HasPrefix(res.Elements[0].Data, "192.0.2.") {
		t.Errorf("first element %+v", res.Elements[0])
	}
	// Deterministic.
	again, err := Run(context.Background(), c, "INTERNET_NAME", `www.acme-corp.example"><script>`)
	if err != nil || again.Elements[0] != res.Elements[0] {
		t.Errorf("second run %+v, %v", again, err)
	}
	res, err = Run(context.Background(), c, "EMAILADDR", "j.smith@acme-corp.example")
	if err != nil || len(res.Elements) != 2 || res.Elements[1].Risk != 60 {
		t.Errorf("EMAILADDR: %+v, %v", res, err)
	}
}

// TestArguments: the value reaches the command as one argument, whatever
// it holds; no shell sees it.
func TestArguments(t *testing.T) {
	needUnix(t)
	c := script(t, `printf '%s\n' "$#" > args.txt; printf '%s' "$2" > value.txt`)
	value := `x'; touch pwned; echo "$(id)" $HOME ${IFS} *` + "\n\ttab"
	if _, err := Run(context.Background(), c, "INTERNET_NAME", value); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(c.Dir, "value.txt"))
	n, _ := os.ReadFile(filepath.Join(c.Dir, "args.txt"))
	if string(got) != value || strings.TrimSpace(string(n)) != "2" {
		t.Errorf("the command got %d arguments, value %q", n, got)
	}
	if _, err := os.Stat(filepath.Join(c.Dir, "pwned")); err == nil {
		t.Error("the value ran as a shell command")
	}
	// Placeholders inside an argument; the replacement is not scanned again.
	c.Argv = []string{"./lookup.sh", "--kind={type}", "q={data}"}
	if _, err := Run(context.Background(), c, "DOMAIN_NAME", "{type}"); err != nil {
		t.Fatal(err)
	}
	got, _ = os.ReadFile(filepath.Join(c.Dir, "value.txt"))
	if string(got) != "q={type}" {
		t.Errorf("value argument %q", got)
	}
}

func TestRefusals(t *testing.T) {
	needUnix(t)
	c := script(t, `echo '{"type":"IP_ADDRESS","data":"192.0.2.1"}'`)
	for _, v := range []struct{ typ, data, why string }{
		{"INTERNET_NAME", "-rf", "begins with '-'"},
		{"INTERNET_NAME", "+short", "begins with '+'"},
		{"INTERNET_NAME", "@evil.example", "begins with '@'"},
		{"INTERNET_NAME", "", "no value"},
		{"INTERNET_NAME", "a\x00b", "NUL"},
		{"INTERNET_NAME", strings.Repeat("a", MaxValue+1), "bytes long"},
		{"ROOT", "x", "cannot be looked up"},
		{"bad type", "x", "cannot be looked up"},
	} {
		_, err := Run(context.Background(), c, v.typ, v.data)
		var r *Refusal
		if !errors.As(err, &r) || !strings.Contains(r.Text, v.why) {
			t.Errorf("%s %q: %v, want a refusal saying %q", v.typ, truncate(v.data, 20), err, v.why)
		}
	}
	// A leading dash inside an argument ("--name=-x") is passed.
	c.Argv = []string{"./lookup.sh", "{type}", "--name={data}"}
	if _, err := Run(context.Background(), c, "INTERNET_NAME", "-x"); err != nil {
		t.Errorf("--name=-x: %v", err)
	}
	// Declared "after --": any value is passed, after the "--" argument.
	c.Argv, c.Pass = []string{"./lookup.sh", "{type}", "--", "{data}"}, PassAfterDashDash
	for _, v := range []string{"-rf", "+short", "@evil.example"} {
		if _, err := Run(context.Background(), c, "INTERNET_NAME", v); err != nil {
			t.Errorf("after --, %q: %v", v, err)
		}
	}
	// Declared "after --" with {data} before it: refused, never run.
	c.Argv = []string{"./lookup.sh", "{data}", "--"}
	var r *Refusal
	if _, err := Run(context.Background(), c, "INTERNET_NAME", "-rf"); !errors.As(err, &r) {
		t.Errorf("after -- with {data} first: %v", err)
	}
}

func TestDashDashBeforeData(t *testing.T) {
	for _, c := range []struct {
		argv []string
		want bool
	}{
		{[]string{"dig", "--", "{data}"}, true},
		{[]string{"dig", "{data}", "--"}, false},
		{[]string{"dig", "--name={data}"}, true},
		{[]string{"dig", "{type}", "--", "{data}x", "{data}"}, true},
		{[]string{"{data}"}, true},
	} {
		if got := DashDashBeforeData(c.argv); got != c.want {
			t.Errorf("%q: %v", c.argv, got)
		}
	}
}

// TestHostileOutput: the output is validated like scan data.
func TestHostileOutput(t *testing.T) {
	needUnix(t)
	c := script(t, `cat <<'EOF'
{"type":"IP_ADDRESS","data":"192.0.2.1","id":"ROOT","source":"e1","module":"evil"}
not json
["an","array"]
{"type":"ROOT","data":"x"}
{"type":"lower_case","data":"x"}
{"type":"IP_ADDRESS"}
{"type":"IP_ADDRESS","data":""}
{"type":"IP_ADDRESS","data":42}
{"type":"IP_ADDRESS","data":"192.0.2.2","risk":101}
{"type":"IP_ADDRESS","data":"192.0.2.1"}

{"type":"RAW_RIR_DATA","data":"<script>window.__xss=1</script>\u2028\u0000","risk":90,"confidence":50,"visibility":10}
{"type":"RAW_RIR_DATA","data":"no newline at the end"}
EOF
printf '%s' '{"type":"RAW_RIR_DATA","data":"last line"}'`)
	res, err := Run(context.Background(), c, "INTERNET_NAME", "example.com")
	if err != nil {
		t.Fatal(err)
	}
	var data []string
	for _, e := range res.Elements {
		data = append(data, e.Data)
	}
	want := []string{"192.0.2.1", "<script>window.__xss=1</script>\u2028\x00", "no newline at the end", "last line"}
	if strings.Join(data, "|") != strings.Join(want, "|") {
		t.Errorf("elements %q, want %q", data, want)
	}
	if e := res.Elements[0]; e.ID != "" || e.Source != "" || e.Module != "lookup:test" {
		t.Errorf("id, source or module taken from the output: %+v", e)
	}
	if e := res.Elements[1]; e.Risk != 90 || e.Confidence != 50 || e.Visibility != 10 {
		t.Errorf("scores %+v", e)
	}
	if res.Skipped != 8 || len(res.Problems) != MaxProblems || !strings.HasPrefix(res.Problems[0], "line 2: ") {
		t.Errorf("skipped %d, problems %q", res.Skipped, res.Problems)
	}
}

func TestTooMuchOutput(t *testing.T) {
	needUnix(t)
	c := script(t, `i=0; while :; do i=$((i+1)); printf '{"type":"IP_ADDRESS","data":"10.0.%d.%d"}\n' $((i/250)) $((i%250)); done`)
	c.MaxOutput = 4096
	res, err := Run(context.Background(), c, "INTERNET_NAME", "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Cut || len(res.Elements) == 0 || len(res.Elements) > 4096/30 {
		t.Errorf("cut %v, %d elements", res.Cut, len(res.Elements))
	}
	c = script(t, `i=0; while [ $i -lt 1500 ]; do i=$((i+1)); printf '{"type":"IP_ADDRESS","data":"10.0.%d.%d"}\n' $((i/250)) $((i%250)); done`)
	res, err = Run(context.Background(), c, "INTERNET_NAME", "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Elements) != MaxElements || res.Skipped != 500 {
		t.Errorf("%d elements, %d skipped", len(res.Elements), res.Skipped)
	}
}

func TestFailures(t *testing.T) {
	needUnix(t)
	c := script(t, `echo "no such host: $2" >&2; exit 3`)
	_, err := Run(context.Background(), c, "INTERNET_NAME", "example.com")
	var f *Failure
	if !errors.As(err, &f) || !strings.Contains(f.Text, "exit status 3") || !strings.Contains(f.Text, "no such host: example.com") {
		t.Errorf("exit 3: %v", err)
	}
	// The time limit ends the command and the children it left holding
	// its output.
	c = script(t, `(sleep 30; echo late) & sleep 30`)
	c.Timeout = 300 * time.Millisecond
	t0 := time.Now()
	_, err = Run(context.Background(), c, "INTERNET_NAME", "example.com")
	if !errors.As(err, &f) || !strings.Contains(f.Text, "took longer than 300ms") {
		t.Errorf("timeout: %v", err)
	}
	if d := time.Since(t0); d > 5*time.Second {
		t.Errorf("the timed-out lookup returned after %s", d)
	}
	// Stdin is closed: a command reading it sees the end at once.
	c = script(t, `cat; echo '{"type":"IP_ADDRESS","data":"192.0.2.9"}'`)
	c.Timeout = 5 * time.Second
	if res, err := Run(context.Background(), c, "INTERNET_NAME", "x"); err != nil || len(res.Elements) != 1 {
		t.Errorf("stdin: %+v, %v", res, err)
	}
	// A program that does not exist.
	c.Argv = []string{"./missing.sh"}
	if _, err := Run(context.Background(), c, "INTERNET_NAME", "x"); !errors.As(err, &f) || strings.Contains(f.Text, c.Dir) {
		t.Errorf("missing program: %v", err)
	}
}

func TestEnvironment(t *testing.T) {
	needUnix(t)
	t.Setenv("SR_TEST_SECRET", "s3cret")
	t.Setenv("SR_TEST_PASSED", "yes")
	c := script(t, `env > env.txt`)
	c.Env = []string{"SR_TEST_PASSED"}
	if _, err := Run(context.Background(), c, "INTERNET_NAME", "x"); err != nil {
		t.Fatal(err)
	}
	env, _ := os.ReadFile(filepath.Join(c.Dir, "env.txt"))
	if strings.Contains(string(env), "s3cret") || !strings.Contains(string(env), "SR_TEST_PASSED=yes") || !strings.Contains(string(env), "SCANREPORT_LOOKUP=test") {
		t.Errorf("environment:\n%s", env)
	}
}

func TestApplies(t *testing.T) {
	c := Command{Types: []string{"INTERNET_NAME"}, Kinds: []string{"manual"}}
	if !c.Applies("INTERNET_NAME", "manual") || c.Applies("IP_ADDRESS", "manual") || c.Applies("INTERNET_NAME", "automated") {
		t.Error("Applies by type and kind")
	}
	c.Types = []string{"*"}
	if !c.Applies("IP_ADDRESS", "manual") {
		t.Error("* applies to any type")
	}
}
