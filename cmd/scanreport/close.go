package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/scanreport/scanreport/scan"
)

func (a *app) closeCommand() *cobra.Command {
	var f siteFlags
	var status, ended string
	var force bool
	cmd := &cobra.Command{
		Use:   "close SCAN-ID... --status FINISHED|ABORTED|ERROR-FAILED [--ended TIME]",
		Short: "Give a scan whose scanner is gone a final status and an end time",
		Long: `close ends a scan that will never end by itself: its scanner crashed, or a
SpiderFoot database holds it as RUNNING although its SpiderFoot is long gone.
It sets the status in scan.toml (replaced atomically) and the end time.

  FINISHED      the scan ran to the end: correlation rules run over it
  ABORTED       it was stopped: its results are partial, correlations do not run
  ERROR-FAILED  it failed

The end time is --ended (RFC 3339, e.g. 2024-05-01T10:20:00Z), or else when
the scan's elements.jsonl or log.jsonl was last written. A scan already
closed, or written to in the last two minutes (its scanner may still be
running), is refused unless --force.

Once closed, false positives can be set and 'scanreport build' (or a running
'scanreport serve') runs the correlation rules over a FINISHED scan.`,
		Example: "  scanreport close sf-3e9a1c --status ABORTED\n  scanreport close acme-2024 --status FINISHED --ended 2024-05-01T10:20:00Z",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if status == "" {
				return errors.New("--status is required: FINISHED, ABORTED or ERROR-FAILED")
			}
			var at time.Time
			if ended != "" {
				t, err := time.Parse(time.RFC3339, ended)
				if err != nil {
					return fmt.Errorf("--ended %q: a time such as 2024-05-01T10:20:00Z (RFC 3339)", ended)
				}
				at = t
			}
			o, err := a.options(f)
			if err != nil {
				return err
			}
			refused := 0
			for _, id := range args {
				before, after, err := scan.CloseScan(o.ScansRoot, id, scan.CloseOptions{Status: status, Ended: at, Force: force})
				var ce *scan.CloseError
				switch {
				case errors.As(err, &ce):
					fmt.Fprintf(a.stderr, "refused: %s\n", ce.Text)
					refused++
					continue
				case err != nil:
					return err
				}
				fmt.Fprintf(a.stdout, "Closed %s: %s → %s, ended %s.\n", id, before.Status, after.Status, after.Ended.Format(time.RFC3339))
				var next []string
				if after.Status == scan.StatusFinished && after.Kind == scan.KindAutomated {
					next = append(next, "correlations run at the next 'scanreport build' (or now, under 'scanreport serve')")
				}
				next = append(next, "false positives can be set")
				fmt.Fprintf(a.stdout, "  %s.\n", strings.Join(next, "; "))
			}
			if refused > 0 {
				return exitError{2}
			}
			return nil
		},
	}
	f.register(cmd, false)
	cmd.Flags().StringVar(&status, "status", "", "final status: FINISHED, ABORTED or ERROR-FAILED")
	cmd.Flags().StringVar(&ended, "ended", "", "end time, RFC 3339 (default: when the scan's files were last written)")
	cmd.Flags().BoolVar(&force, "force", false, "close a scan that is already closed, or was written to in the last two minutes")
	return cmd
}
