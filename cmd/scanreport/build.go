package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/numtext"
	"github.com/scanreport/scanreport/scan"
	"github.com/scanreport/scanreport/sitezip"
)

func (a *app) buildCommand() *cobra.Command {
	var f siteFlags
	var quiet bool
	var zipFile string
	var noIndex bool
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the report site from the scans root",
		Long: `Build reads every scan directory under the scans root and writes the report
site. The new site is written beside the output folder and swapped in when it
is complete, so an interrupted build leaves the previous site as it was.

A scan that cannot be read is left out and reported; the others are built.
Problems in the data (malformed lines, unknown sources …) are counted here and
listed in full by 'scanreport validate'.`,
		Example: "  scanreport build\n  scanreport build --scans ./scans --out ./site\n  scanreport build --zip report.zip",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.useMirror(cmd.Context(), &f); err != nil {
				return err
			}
			o, err := a.options(f)
			if err != nil {
				return err
			}
			o.NoSearchIndex = noIndex
			bar := a.progress(quiet, "reading and writing scans")
			if bar != nil {
				o.Progress = func(done, total int64) {
					bar.ChangeMax64(max(total, 1))
					bar.Set64(done)
				}
			}
			o.Report = func(p scan.Problem) {
				if p.Severity == scan.Error {
					a.log.Debug("problem", "at", p.String())
				}
			}
			res, err := generator.Build(cmd.Context(), o)
			if bar != nil {
				bar.Finish()
				bar.Clear()
			}
			if err != nil {
				return err
			}
			if !quiet {
				a.printBuild(o, res)
			}
			if zipFile != "" {
				z, err := sitezip.Write(o.Output, zipFile, "")
				if err != nil {
					return err
				}
				if !quiet {
					fmt.Fprintf(a.stdout, "Wrote %s (%s, %s files): unpacked, %s/index.html opens by double-click.\n", zipFile, bytesText(z.Bytes), numtext.Thousands(z.Files), z.Top)
				}
			}
			return nil
		},
	}
	f.register(cmd, true)
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing on success")
	cmd.Flags().StringVar(&zipFile, "zip", "", "also write the site as one zip FILE, every file under a folder named after it (deterministic)")
	// For benchmarks only (what the search index costs): hidden.
	cmd.Flags().BoolVar(&noIndex, "no-search-index", false, "leave the search index out (for benchmarks)")
	_ = cmd.Flags().MarkHidden("no-search-index")
	return cmd
}

// progress returns a progress bar on a terminal, nil elsewhere.
func (a *app) progress(quiet bool, what string) *progressbar.ProgressBar {
	if quiet || !isTerminal(a.stderr) {
		return nil
	}
	return progressbar.NewOptions64(1,
		progressbar.OptionSetWriter(a.stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowBytes(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (a *app) printBuild(o generator.Options, res generator.Result) {
	index, _ := filepath.Abs(filepath.Join(o.Output, "index.html"))
	fmt.Fprintf(a.stdout, "Built %d scans (%s elements) into %s: %s files, %s, in %s.\n",
		res.Scans, numtext.Thousands(res.Elements), o.Output, numtext.Thousands(res.Files), bytesText(res.Bytes), res.Duration.Round(time.Millisecond))
	if res.Skipped > 0 {
		fmt.Fprintf(a.stdout, "%d scan directories could not be read and were left out.\n", res.Skipped)
	}
	if res.Problems > 0 {
		fmt.Fprintf(a.stdout, "%s problems in the data (%s errors): run 'scanreport validate' to list them.\n", numtext.Thousands(res.Problems), numtext.Thousands(res.Errors))
	}
	fmt.Fprintf(a.stdout, "Open file://%s\n", filepath.ToSlash(index))
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
