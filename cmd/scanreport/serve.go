package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/scanreport/scanreport/decisions"
	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/numtext"
	"github.com/scanreport/scanreport/lookup"
	"github.com/scanreport/scanreport/scanstore"
	"github.com/scanreport/scanreport/serve"
	"github.com/scanreport/scanreport/watch"
)

// exportQuiet is how long a running scan must be quiet before its
// downloads (as large as the scan) are rewritten.
const exportQuiet = 10 * time.Second

func (a *app) serveCommand() *cobra.Command {
	var f siteFlags
	var port int
	var bind string
	var poll, follow time.Duration
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Build the report, serve it on 127.0.0.1 and keep it up to date as scans are written",
		Long: `Serve builds the site, serves it on http://127.0.0.1:PORT/ and watches the scans
root: appended elements and log lines, status changes, new and removed scan
directories, notes, settings and review decisions are picked up within a
fraction of a second, and open pages update in place. Downloads (JSON, CSV,
GEXF) follow once a scan has been quiet for ten seconds or has finished.

The server answers only on loopback unless --bind says otherwise, refuses
requests for other host names (DNS rebinding), and accepts false-positive
decisions only from its own pages. Stop it with Ctrl-C.`,
		Example: "  scanreport serve\n  scanreport serve --port 9000 --scans ./scans",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if raw := a.bucketScans(f); raw != "" {
				// The mirror follows the bucket into a local folder; the
				// watcher below watches that folder as it would any other.
				m, b, err := a.mirrorScans(ctx, raw, f.mirror, scanstore.MirrorOptions{Interval: follow, MaxInterval: 10 * follow})
				if err != nil {
					return err
				}
				defer b.Close()
				var cancel context.CancelFunc
				ctx, cancel = context.WithCancel(ctx)
				done := make(chan struct{})
				defer func() { cancel(); <-done }()
				go func() { defer close(done); m.Follow(ctx) }()
				f.scans = m.Dir()
			}
			o, err := a.options(f)
			if err != nil {
				return err
			}
			return a.serve(ctx, o, f, bind, port, poll)
		},
	}
	f.register(cmd, true)
	cmd.Flags().IntVar(&port, "port", 8080, "port to serve on (0 picks a free one)")
	cmd.Flags().StringVar(&bind, "bind", "127.0.0.1", "address to listen on; anything but loopback exposes the report and its false-positive button to the network")
	cmd.Flags().DurationVar(&follow, "follow", time.Second, "with a bucket --scans, how often a RUNNING scan is looked at for new segments (quiet scans back off to 15 s, finished ones every 5 min)")
	cmd.Flags().DurationVar(&poll, "poll", 0, "poll the scans root at this interval instead of using file-system events (for network file systems)")
	return cmd
}

func (a *app) serve(ctx context.Context, o generator.Options, f siteFlags, bind string, port int, poll time.Duration) error {
	ip := net.ParseIP(bind)
	if ip == nil {
		return fmt.Errorf("--bind %q: not an IP address", bind)
	}
	if !ip.IsLoopback() {
		a.log.Warn("serving beyond this machine: anyone who can reach the address can read the report and mark false positives", "bind", bind)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	defer ln.Close()
	addr := ln.Addr().(*net.TCPAddr)
	start := time.Now()
	live, res, err := generator.Start(ctx, o)
	if err != nil {
		return err
	}
	defer live.Close()
	hosts := serve.LoopbackHosts(strconv.Itoa(addr.Port))
	if !ip.IsLoopback() {
		hosts = append(hosts, interfaceHosts(addr.Port)...)
	}
	shown := net.JoinHostPort(bind, strconv.Itoa(addr.Port))
	acts := &fpActions{decide: decisions.ForSite(live), logger: a.log}
	if c, err := a.loadConfig(); err == nil {
		acts.setLookups(lookupCommands(c))
		acts.setAnalyst(analystName(c))
	} else {
		acts.setAnalyst(analystName(config.Default()))
	}
	srv, err := serve.New(serve.Options{Site: o.Output, Addr: shown, Hosts: hosts, Actions: acts, Logger: a.log})
	if err != nil {
		return err
	}
	acts.notify = func(ch generator.Change) {
		if !ch.Empty() {
			srv.Notify(serve.Event{Scans: ch.Scans, Paths: ch.Paths, List: ch.List, Full: ch.Full})
		}
	}
	defer srv.Close()
	fmt.Fprintf(a.stdout, "Built %d scans (%s elements) in %s.\nServing http://%s/ — watching %s (Ctrl-C to stop)\n",
		res.Scans, numtext.Thousands(res.Elements), time.Since(start).Round(time.Millisecond), shown, o.ScansRoot)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan watch.Batch, 4)
	var files []string
	if cfg := a.configFile(); cfg != "" {
		files = append(files, cfg)
	}
	// The operator's templates: an edit rebuilds the site (pages reload).
	var dirs []string
	if o.TemplatesDir != "" {
		dirs = append(dirs, o.TemplatesDir)
	}
	werr := make(chan error, 1)
	go func() {
		werr <- watch.Run(ctx, watch.Options{Root: o.ScansRoot, Files: files, Dirs: dirs, Poll: poll, Logger: a.log}, batches)
	}()
	serr := make(chan error, 1)
	go func() { serr <- srv.Serve(ctx, ln) }()

	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		select {
		case err := <-serr:
			cancel()
			return err
		case err := <-werr:
			if err != nil {
				cancel()
				<-serr
				return fmt.Errorf("watch: %w", err)
			}
			return <-serr
		case b := <-batches:
			// A failed update leaves the scans that failed marked behind
			// (retried below); what did change is still announced.
			ch, err := a.apply(ctx, live, b, f, acts)
			if err != nil {
				a.log.Error("update failed", "err", err)
			}
			if !ch.Empty() {
				srv.Notify(serve.Event{Scans: ch.Scans, Paths: ch.Paths, List: ch.List, Full: ch.Full})
			}
			srv.SetBehind(behind(live))
		case <-live.ExportsDone():
			if ch := live.TakeExported(); !ch.Empty() {
				srv.Notify(serve.Event{Scans: ch.Scans, Paths: ch.Paths})
			}
		case <-tick.C:
			if ch, err := live.Retry(ctx); err != nil {
				a.log.Error("retry failed", "err", err)
				if !ch.Empty() {
					srv.Notify(serve.Event{Scans: ch.Scans, Paths: ch.Paths, List: ch.List, Full: ch.Full})
				}
			} else if !ch.Empty() {
				a.log.Info("site caught up", "scans", ch.Scans, "rebuilt", ch.Full)
				srv.Notify(serve.Event{Scans: ch.Scans, Paths: ch.Paths, List: ch.List, Full: ch.Full})
			}
			srv.SetBehind(behind(live))
			// Downloads are written in the background (ExportsDone below).
			ch, err := live.StartExports(ctx, exportQuiet)
			if err != nil {
				a.log.Error("downloads not updated", "err", err)
			}
			if !ch.Empty() {
				srv.Notify(serve.Event{Scans: ch.Scans, Paths: ch.Paths})
			}
			// Investigation files live outside the scans root.
			if ch, err := live.RefreshInvestigations(); err != nil {
				a.log.Error("investigations not updated", "err", err)
			} else if !ch.Empty() {
				srv.Notify(serve.Event{Paths: ch.Paths, List: ch.List})
			}
		}
	}
}

// behind says what the site is behind on, for open pages.
func behind(live *generator.Live) []serve.Behind {
	var out []serve.Behind
	for _, l := range live.Behind() {
		out = append(out, serve.Behind{Scan: l.Scan, Reason: l.Reason, Since: l.Since.UTC().Truncate(time.Second)})
	}
	return out
}

// apply turns a batch of file events into a site update. A changed
// config.toml rebuilds the site and reloads the lookups.
func (a *app) apply(ctx context.Context, live *generator.Live, b watch.Batch, f siteFlags, acts *fpActions) (generator.Change, error) {
	t0 := time.Now()
	if b.Rescan || len(b.Other) > 0 {
		c, err := a.loadConfig()
		if err != nil {
			return generator.Change{}, err // a broken config.toml: keep serving the last good site
		}
		acts.setLookups(lookupCommands(c))
		acts.setAnalyst(analystName(c))
		return live.Rebuild(ctx, a.optionsFrom(c, f))
	}
	changes := make([]generator.ScanChange, 0, len(b.Changes))
	for _, c := range b.Changes {
		sc := generator.ScanChange{Scan: c.Scan, Dir: c.Dir}
		for name := range c.Files {
			sc.Files = append(sc.Files, name)
		}
		changes = append(changes, sc)
	}
	ch, err := live.Update(ctx, changes)
	a.log.Debug("site updated", "scans", ch.Scans, "files", len(ch.Paths), "took", time.Since(t0))
	return ch, err
}

// configFile is the config file serve watches, if any.
func (a *app) configFile() string {
	p := a.configPath
	if p == "" {
		p = "config.toml"
	}
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return abs
}

// interfaceHosts lists Host values naming this machine's addresses, for a
// server bound beyond loopback.
func interfaceHosts(port int) []string {
	var out []string
	p := strconv.Itoa(port)
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, ad := range addrs {
			if n, ok := ad.(*net.IPNet); ok {
				out = append(out, net.JoinHostPort(n.IP.String(), p))
			}
		}
	}
	if h, err := os.Hostname(); err == nil {
		out = append(out, net.JoinHostPort(h, p))
	}
	return out
}

// fpActions adapts the live site to the server's actions: a decision is
// recorded, applied to the site at once, and announced to open pages.
// Investigations and lookups: investigation.go.
type fpActions struct {
	decide *decisions.Site // records decisions, applied to the live site
	notify func(generator.Change)
	logger *slog.Logger

	mu      sync.RWMutex
	lookups []lookup.Command // config.toml [lookups], read again when it changes
	analyst string           // who decides (config.toml [analyst] name, else the OS user)
}

// setAnalyst sets the name decisions are recorded under.
func (f *fpActions) setAnalyst(name string) {
	f.mu.Lock()
	f.analyst = name
	f.mu.Unlock()
}

// by is the name decisions are recorded under.
func (f *fpActions) by() string {
	f.mu.RLock()
	defer f.mu.RUnlock()
	if f.analyst == "" {
		return "preview"
	}
	return f.analyst
}

// setLookups replaces the configured lookups (config.toml was read again).
func (f *fpActions) setLookups(c []lookup.Command) {
	f.mu.Lock()
	f.lookups = c
	f.mu.Unlock()
}

// commands returns the configured lookups; the slice is never changed in
// place, only replaced.
func (f *fpActions) commands() []lookup.Command {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.lookups
}

func (f *fpActions) log() *slog.Logger {
	if f.logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return f.logger
}

func (f *fpActions) SetFP(ctx context.Context, scanID string, ids []string, fp bool) (string, error) {
	ch, err := f.decide.SetFP(ctx, scanID, ids, fp, f.by())
	if text, refused := decisions.Refusal(err); refused {
		return text, nil
	}
	if err == nil && f.notify != nil {
		f.notify(ch)
	}
	return "", err
}
