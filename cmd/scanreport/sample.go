package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/scanreport/scanreport/internal/numtext"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/scan"
	"github.com/scanreport/scanreport/scanstore"
)

func (a *app) sampleCommand() *cobra.Command {
	var (
		out      string
		elements int
		id       string
		target   string
		status   string
		kind     string
		seed     uint64
		segLines int
		samples  bool
		xss      bool
	)
	cmd := &cobra.Command{
		Use:   "sample",
		Short: "Write synthetic scan directories for demos, tests and benchmarks",
		Long: `Sample writes a synthetic scan with a realistic mix of SpiderFoot element
types, source chains several levels deep, risky findings, log lines and
settings. The same flags always give the same bytes.

With --samples it writes the four sample scans shipped in scans/ instead, and
with --xss a scan whose every field carries script-injection payloads.`,
		Example: "  scanreport sample --elements 1000000 --out /tmp/big/scans\n  scanreport sample --samples --out scans",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			start := time.Now()
			if isBucketURL(out) {
				// Written into a staging folder and shipped as sealed segments.
				stage, err := os.MkdirTemp("", "scanreport-sample-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(stage)
				err = a.shipStaged(cmd.Context(), out, stage, scanstore.WriterOptions{SegmentLines: segLines}, func() error {
					return a.writeSample(samples, xss, stage, id, target, status, kind, elements, seed, start)
				})
				if err == nil {
					fmt.Fprintf(a.stdout, "Shipped to %s as sealed segments in %s.\n", out, time.Since(start).Round(time.Millisecond))
				}
				return err
			}
			return a.writeSample(samples, xss, out, id, target, status, kind, elements, seed, start)
		},
	}
	cmd.Flags().IntVar(&segLines, "segment-lines", 10000, "with a bucket --out, lines per sealed segment")
	cmd.Flags().StringVar(&out, "out", "scans", "scans root to write into, or a bucket URL (s3://, gs://, azblob://, file://) to write the segment layout into")
	cmd.Flags().IntVar(&elements, "elements", 10000, "number of elements")
	cmd.Flags().StringVar(&id, "id", "synthetic", "scan id (directory name)")
	cmd.Flags().StringVar(&target, "target", "acme-corp.example", "target domain")
	cmd.Flags().StringVar(&status, "status", scan.StatusFinished, "status to leave the scan in")
	cmd.Flags().StringVar(&kind, "kind", scan.KindAutomated, "automated or manual")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	cmd.Flags().BoolVar(&samples, "samples", false, "write the four bundled sample scans")
	cmd.Flags().BoolVar(&xss, "xss", false, "write a scan full of script-injection payloads (for testing)")
	return cmd
}

// writeSample writes what the sample flags ask for into the scans root out.
func (a *app) writeSample(samples, xss bool, out, id, target, status, kind string, elements int, seed uint64, start time.Time) error {
	switch {
	case samples:
		if err := sample.WriteSamples(out); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "Wrote the sample scans into %s.\n", out)
		return nil
	case xss:
		if err := sample.WriteXSS(out, id); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "Wrote the payload scan %s into %s.\n", id, out)
		return nil
	}
	if err := scan.ValidID(id); err != nil {
		return fmt.Errorf("--id: %w", err)
	}
	o := sample.Options{ID: id, Name: fmt.Sprintf("Synthetic scan of %s (%s elements)", target, numtext.Thousands(elements)),
		Target: target, Kind: kind, Status: status, Elements: elements, Seed: seed,
		Start: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}
	if err := sample.Write(out, o); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Wrote scan %s (%s elements) into %s in %s.\n", id, numtext.Thousands(elements), out, time.Since(start).Round(time.Millisecond))
	return nil
}
