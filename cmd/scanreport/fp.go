package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/scanreport/scanreport/decisions"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scanstore"
)

func (a *app) fpCommand() *cobra.Command {
	var f siteFlags
	var by string
	cmd := &cobra.Command{
		Use:   "fp set|unset SCAN-ID ELEMENT-ID...",
		Short: "Mark elements of a finished scan as false positives, or unmark them",
		Long: `fp records a false-positive decision in the scan's review.jsonl, after
checking the rules: the scan must have finished (FINISHED, ABORTED or
ERROR-FAILED); setting marks each element and everything found from it;
unsetting is refused while an element's parent is still marked. False
positives stay in tables and downloads (marked) and leave the graphs.

Run 'scanreport build' (or keep 'scanreport serve' running) to see the result.`,
		Example: "  scanreport fp set acme-corp-2026-11-18 e42 e43\n  scanreport fp unset acme-corp-2026-11-18 e42",
		Args:    cobra.MinimumNArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			var fp bool
			switch args[0] {
			case "set":
				fp = true
			case "unset":
			default:
				return fmt.Errorf("first argument must be set or unset, not %q", args[0])
			}
			// A bucket scans root: the decision is checked against the
			// mirror, appended there and sent up as an object of its own.
			var mirror *scanstore.Mirror
			if raw := a.bucketScans(f); raw != "" {
				m, b, err := a.mirrorScans(cmd.Context(), raw, f.mirror, scanstore.MirrorOptions{})
				if err != nil {
					return err
				}
				defer b.Close()
				mirror, f.scans = m, m.Dir()
			}
			o, err := a.options(f)
			if err != nil {
				return err
			}
			id, ids := args[1], args[2:]
			risky, err := eltypes.NewRisky(o.RiskyTypes, o.MinRisk)
			if err != nil {
				return err
			}
			if by == "" {
				c, err := a.loadConfig()
				if err != nil {
					return err
				}
				by = analystName(c)
			}
			op, err := decisions.OnFiles(o.ScansRoot, risky).SetFP(id, ids, fp, by)
			if text, refused := decisions.Refusal(err); refused {
				fmt.Fprintln(a.stderr, "refused:", text)
				return exitError{2}
			}
			if err != nil {
				return err
			}
			if mirror != nil {
				if _, err := mirror.Sync(cmd.Context()); err != nil {
					return fmt.Errorf("decision recorded in the mirror %s but not sent to the bucket (the next serve or build there sends it): %w", mirror.Dir(), err)
				}
			}
			fmt.Fprintf(a.stdout, "Recorded %s for %d elements of %s.\n", op, len(ids), id)
			return nil
		},
	}
	f.register(cmd, false)
	cmd.Flags().StringVar(&by, "by", "", "who decided (default: [analyst] name in config.toml, else the OS user)")
	return cmd
}
