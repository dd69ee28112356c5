package e2e

// Scanners on several machines, one report: three writer processes
// (`import spiderfoot-stream --out s3://…`) write three scans into one
// bucket of a real S3 server on loopback (versitygw) while `serve --scans
// s3://…` follows it; an open scan list shows each new element. One writer
// is killed mid-segment: nothing half-written reaches the page and nothing
// sealed is lost.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// streamWriter is one `scanreport import spiderfoot-stream` process.
type streamWriter struct {
	id   string
	cmd  *exec.Cmd
	in   io.WriteCloser
	n    int // events written
	logs *lockedBuffer
	done chan error
}

func startStreamWriter(t *testing.T, url, id string) *streamWriter {
	t.Helper()
	cmd := exec.Command(binary(t), "import", "spiderfoot-stream", "--out", url, "--id", id, "--scan", id, "--target", id+".example")
	cmd.Dir = t.TempDir()
	w := &streamWriter{id: id, cmd: cmd, logs: &lockedBuffer{}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = w.logs, w.logs
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	w.in = in
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { w.done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		if t.Failed() {
			t.Logf("writer %s:\n%s", id, w.logs.String())
		}
	})
	fmt.Fprint(in, "[")
	return w
}

// events writes k more events, each with a value of the shapes real data
// has (a newline, an SFURL marker, an API key in a URL, markup).
func (w *streamWriter) events(t *testing.T, k int) {
	t.Helper()
	var b strings.Builder
	for i := 0; i < k; i++ {
		if w.n > 0 {
			b.WriteString(",\n")
		}
		data := fmt.Sprintf("h%d.%s.example", w.n, w.id)
		typ := "Internet Name"
		if w.n%3 == 1 {
			typ, data = "Raw Data from RIRs/APIs", fmt.Sprintf("line %d\n<SFURL>https://api.example/?key=AKIA%016d</SFURL> <b>x</b>", w.n, w.n)
		}
		ev, _ := json.Marshal(map[string]any{"generated": 1700000000 + w.n, "type": typ, "data": data, "module": "sfp_dnsresolve", "source": w.id + ".example"})
		b.Write(ev)
		w.n++
	}
	if _, err := io.WriteString(w.in, b.String()); err != nil {
		t.Fatalf("writer %s: %v", w.id, err)
	}
}

func TestBucketScansServeFollowsThreeWriters(t *testing.T) {
	needChromium(t)
	v := startVersitygw(t)
	t.Setenv("AWS_ACCESS_KEY_ID", vgwAccess)
	t.Setenv("AWS_SECRET_ACCESS_KEY", vgwSecret)
	t.Setenv("AWS_REGION", "us-east-1")
	url := v.bucketURL()
	dir := t.TempDir()
	mirror := filepath.Join(dir, "mirror", "scans")
	srv := startServe(t, url, filepath.Join(dir, "site"), "--mirror", mirror, "--follow", "200ms")
	br := newBrowser(t)
	list := br.open(t, srv.url("index.html"))
	waitLive(list)

	ws := []*streamWriter{startStreamWriter(t, url, "w1"), startStreamWriter(t, url, "w2"), startStreamWriter(t, url, "w3")}
	for round := 1; round <= 3; round++ {
		for _, w := range ws {
			w.events(t, 5*round)
		}
		for _, w := range ws {
			// Every event but the last (its line is not ended until the next
			// one comes), once sealed (2 s) and followed; the list does not
			// count ROOT.
			list.waitThroughReload(fmt.Sprintf(`%s(%s) === %d`, scanRowCount, jsString(w.id), w.n-1), 45*time.Second)
		}
	}

	// Kill w3 mid-segment: it has lines buffered that are not sealed.
	sealed := ws[2].n
	ws[2].events(t, 7)
	time.Sleep(100 * time.Millisecond)
	_ = ws[2].cmd.Process.Kill()
	<-ws[2].done
	// Every segment in the bucket is whole: each line of each one parses.
	ctx := context.Background()
	lines := 0
	p := s3.NewListObjectsV2Paginator(v.client, &s3.ListObjectsV2Input{Bucket: aws.String(vgwBucket), Prefix: aws.String("w3/elements/")})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range page.Contents {
			out, err := v.client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(vgwBucket), Key: o.Key})
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(out.Body)
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var m map[string]any
				if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
					t.Errorf("%s holds a broken line %q: %v", *o.Key, sc.Text(), err)
				}
				lines++
			}
			out.Body.Close()
		}
	}
	if lines < sealed || lines > ws[2].n {
		t.Errorf("w3's segments hold %d elements: want at least the %d sealed before the kill (ROOT and %d events)", lines, sealed, sealed-1)
	}
	// The page shows exactly what was sealed, and the mirror holds it whole.
	list.waitThroughReload(fmt.Sprintf(`%s("w3") === %d`, scanRowCount, lines-1), 45*time.Second)
	data, err := os.ReadFile(filepath.Join(mirror, "w3", "elements.jsonl"))
	if err != nil || strings.Count(string(data), "\n") != lines || !strings.HasSuffix(string(data), "\n") {
		t.Errorf("the mirror's w3/elements.jsonl has %d lines (want %d, whole): %v", strings.Count(string(data), "\n"), lines, err)
	}

	// The other two finish: their closed lists make them FINISHED.
	for _, w := range ws[:2] {
		fmt.Fprint(w.in, "]\n")
		w.in.Close()
		if err := <-w.done; err != nil {
			t.Fatalf("writer %s: %v", w.id, err)
		}
		list.waitThroughReload(`(b => !!b && b.closest("tr").querySelector(".badge[class*=status-]").textContent === "FINISHED")(document.querySelector('input.scan-select[value="`+w.id+`"]'))`, 45*time.Second)
	}
	list.check()
}

func TestBucketScansBuildErrors(t *testing.T) {
	v := startVersitygw(t)
	t.Setenv("AWS_ACCESS_KEY_ID", vgwAccess)
	t.Setenv("AWS_SECRET_ACCESS_KEY", vgwSecret)
	missing := strings.Replace(v.bucketURL(), "s3://"+vgwBucket, "s3://no-such-bucket-here", 1)
	cmd := exec.Command(binary(t), "build", "--scans", missing, "--mirror", filepath.Join(t.TempDir(), "m"), "--out", filepath.Join(t.TempDir(), "site"))
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "bucket not found") || !strings.Contains(string(out), "no-such-bucket-here") {
		t.Errorf("build from a missing bucket: %v\n%s\nwant 'bucket not found' naming it", err, out)
	}
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wrong")
	cmd = exec.Command(binary(t), "build", "--scans", v.bucketURL(), "--mirror", filepath.Join(t.TempDir(), "m"), "--out", filepath.Join(t.TempDir(), "site"))
	cmd.Dir = t.TempDir()
	out, err = cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "credentials") {
		t.Errorf("build with a wrong secret: %v\n%s\nwant a credentials message", err, out)
	}
}

// TestBenchBucketLatency measures write → page through the bucket: a
// `import spiderfoot-stream --out s3://…` writer gets one event a second
// (each completes the one before), sealed by age (2 s) and followed by
// `serve --scans s3://…` at its default interval (1 s); the time from the
// write until the open scan list counts the element, p50/p95. Only with
// SCANREPORT_BENCH=1.
func TestBenchBucketLatency(t *testing.T) {
	needBench(t)
	needChromium(t)
	v := startVersitygw(t)
	t.Setenv("AWS_ACCESS_KEY_ID", vgwAccess)
	t.Setenv("AWS_SECRET_ACCESS_KEY", vgwSecret)
	url := v.bucketURL()
	dir := t.TempDir()
	w := startStreamWriter(t, url, "lat")
	w.events(t, 2)
	srv := startServe(t, url, filepath.Join(dir, "site"), "--mirror", filepath.Join(dir, "mirror", "scans"))
	list := newBrowser(t).open(t, srv.url("index.html"))
	list.waitThroughReload(scanRowCount+`("lat") === 1`, time.Minute)
	var lat []time.Duration
	for k := 2; k <= 31; k++ {
		w.events(t, 1) // completes event k-1: the list shows k
		t0 := time.Now()
		list.waitThroughReload(fmt.Sprintf(`%s("lat") >= %d`, scanRowCount, k), time.Minute)
		lat = append(lat, time.Since(t0))
		time.Sleep(time.Duration(k%3) * 300 * time.Millisecond)
	}
	slices.Sort(lat)
	t.Logf("write → page through the bucket: p50 %s, p95 %s, max %s (%d elements)", lat[len(lat)/2].Round(time.Millisecond),
		lat[len(lat)*95/100].Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond), len(lat))
}
