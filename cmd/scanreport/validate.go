package main

import (
	"fmt"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/scanreport/scanreport/generator"
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

It exits with status 1 when there are errors (or, with --strict, warnings).`,
		Example: "  scanreport validate\n  scanreport validate --scans ./scans --strict",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := a.options(f)
			if err != nil {
				return err
			}
			var probs []scan.Problem
			o.Report = func(p scan.Problem) { probs = append(probs, p) }
			res, err := generator.Check(cmd.Context(), o)
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
				res.Scans+res.Skipped, comma(res.Elements), res.Duration.Round(time.Millisecond), errs, warns)
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
