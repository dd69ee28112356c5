package main

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/numtext"
	"github.com/scanreport/scanreport/scan"
)

func (a *app) validateCommand() *cobra.Command {
	var f siteFlags
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate [SCAN-ID...]",
		Short: "Check scan directories and print every problem with its file and line",
		Long: `Validate reads the scan directories as build does, writes nothing, and prints
every problem it finds as file:line: severity: text, sorted by file and line.
Errors are data that could not be used (a malformed line, a broken scan.toml);
warnings were repaired (a missing source attached to ROOT, a clamped value).

With scan ids, only those scans are checked (and the correlation rules and
investigation files, which concern every scan); an id that names no scan
directory is refused before anything is read.

It exits with status 1 when there are errors (or, with --strict, warnings),
and 2 when an id names no scan.`,
		Example: "  scanreport validate\n  scanreport validate --scans ./scans --strict\n  scanreport validate acme-corp-2026-11-18 globex-2026-11-24",
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.useMirror(cmd.Context(), &f); err != nil {
				return err
			}
			o, err := a.options(f)
			if err != nil {
				return err
			}
			var probs []scan.Problem
			o.Report = func(p scan.Problem) { probs = append(probs, p) }
			res, err := generator.CheckScans(cmd.Context(), o, args)
			var unknown *generator.UnknownScansError
			if errors.As(err, &unknown) {
				fmt.Fprintln(a.stderr, "scanreport validate:", unknown.Error())
				return exitError{2}
			}
			if err != nil {
				return err
			}
			sort.SliceStable(probs, func(i, j int) bool {
				if probs[i].File != probs[j].File {
					return probs[i].File < probs[j].File
				}
				return probs[i].Line < probs[j].Line
			})
			for _, p := range probs {
				fmt.Fprintln(a.stdout, p.String())
			}
			// The same counts as build's summary: one severity model.
			errs, warns := res.Errors, res.Problems-res.Errors
			fmt.Fprintf(a.stderr, "%d scans, %s elements checked in %s: %d errors, %d warnings.\n",
				res.Scans+res.Skipped, numtext.Thousands(res.Elements), res.Duration.Round(time.Millisecond), errs, warns)
			if errs > 0 || strict && warns > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	f.register(cmd, false)
	cmd.Flags().BoolVar(&strict, "strict", false, "exit with status 1 on warnings too")
	return cmd
}
