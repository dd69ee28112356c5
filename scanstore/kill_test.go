package scanstore

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gocloud.dev/blob/fileblob"

	"github.com/scanreport/scanreport/scan"
)

// killChild, set in the environment, makes the test binary a writer
// process that writes into the bucket folder it names until it is killed.
const killChild = "SCANSTORE_KILL_TEST_BUCKET"

func TestMain(m *testing.M) {
	if dir := os.Getenv(killChild); dir != "" {
		os.Exit(writeForever(dir))
	}
	os.Exit(m.Run())
}

// writeForever writes elements with values of real shapes, sealing every
// 50 lines and every 100 ms, until the process is killed.
func writeForever(dir string) int {
	ctx := context.Background()
	b, err := fileblob.OpenBucket(dir, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	w, err := Create(ctx, b, scan.Meta{ID: "victim", Target: "acme.example", Status: scan.StatusRunning}, WriterOptions{SegmentLines: 50, SegmentAge: 100 * time.Millisecond})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for i := 0; ; i++ {
		data := fmt.Sprintf("h%d.acme.example\n<SFURL>https://x.example/?apikey=%032d</SFURL>%s", i, i, strings.Repeat("x", i%5000))
		if _, err := w.Add(scan.Element{Type: "INTERNET_NAME", Data: data, Module: "sfp_x"}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if i%7 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
}

// TestKillWriterMidSegment kills a writer process (SIGKILL) while it has
// lines buffered and segments being written: every segment in the bucket
// is whole, numbered without a gap, and the mirror holds exactly their
// lines, none half-written; nothing sealed is lost.
func TestKillWriterMidSegment(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), killChild+"="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	segs := filepath.Join(dir, "victim", ElementsDir)
	deadline := time.Now().Add(time.Minute)
	for {
		entries, _ := os.ReadDir(segs)
		n := 0
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".jsonl") {
				n++
			}
		}
		if n >= 20 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the writer sealed too little in a minute: %s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	ctx := context.Background()
	b, err := fileblob.OpenBucket(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	sealed := 0
	for n := 1; ; n++ {
		data, err := b.ReadAll(ctx, SegmentKey("victim", ElementsDir, n))
		if err != nil {
			if !missingObject(err) {
				t.Fatal(err)
			}
			// No segment after a missing one: the numbering has no gap.
			if more, _ := b.Exists(ctx, SegmentKey("victim", ElementsDir, n+1)); more {
				t.Errorf("segment %d is missing but %d is there", n, n+1)
			}
			break
		}
		if !bytes.HasSuffix(data, []byte("\n")) {
			t.Errorf("segment %d does not end its last line", n)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Errorf("segment %d holds a broken line: %v", n, err)
			}
			sealed++
		}
	}
	local := t.TempDir()
	m, _ := NewMirror(b, local, MirrorOptions{})
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	_, els, _, probs := readLocal(t, local, "victim")
	if len(els) != sealed || len(probs) != 0 || sealed < 20 {
		t.Fatalf("mirror has %d elements, the sealed segments %d; problems %v", len(els), sealed, probs)
	}
	for i, e := range els {
		if want := fmt.Sprintf("h%d.acme.example\n", i); !strings.HasPrefix(e.Data, want) {
			t.Fatalf("element %d is %.30q, want it to start %q: order or content lost", i, e.Data, want)
		}
	}
	t.Logf("killed after %d sealed elements; all read back whole and in order", sealed)
}
