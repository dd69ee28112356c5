package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/scanreport/scanreport/decisions"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/lookup"
	"github.com/scanreport/scanreport/scan"
	"github.com/scanreport/scanreport/serve"
)

func (a *app) investigationCommand() *cobra.Command {
	var f siteFlags
	var by string
	cmd := &cobra.Command{
		Use:   "investigation add|remove INVESTIGATION SCAN-ID...",
		Short: "Add scans to an investigation, or remove them",
		Long: `investigation records that scans join or leave an investigation, as decisions
in each scan's review.jsonl (on top of the investigations its scan.toml names).
An investigation name follows the rules of scan ids: letters, digits, '.', '_'
and '-', starting with a letter or digit. Its title and notes, if any, are in
investigations/NAME.md beside the scans root (see docs/investigations.md).

Run 'scanreport build' (or keep 'scanreport serve' running) to see the result.`,
		Example: "  scanreport investigation add acme-external-2026q4 acme-corp-2026-11-18\n" +
			"  scanreport investigation remove acme-external-2026q4 j-smith-mailbox-2026-11-22",
		Args: cobra.MinimumNArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			var add bool
			switch args[0] {
			case "add":
				add = true
			case "remove":
			default:
				return fmt.Errorf("first argument must be add or remove, not %q", args[0])
			}
			name, ids := args[1], args[2:]
			if err := decisions.ValidInvestigation(name); err != nil {
				return err
			}
			for _, id := range ids {
				if err := scan.ValidID(id); err != nil {
					return err
				}
			}
			o, err := a.options(f)
			if err != nil {
				return err
			}
			if by == "" {
				by = os.Getenv("USER")
			}
			risky, err := eltypes.NewRisky(o.RiskyTypes, o.MinRisk)
			if err != nil {
				return err
			}
			rec := decisions.OnFiles(o.ScansRoot, risky)
			refused := 0
			for _, id := range ids {
				err := rec.SetInvestigation(id, name, add, by)
				var m *decisions.MembershipError
				switch {
				case errors.As(err, &m) && m.Member:
					fmt.Fprintf(a.stderr, "%s is already in investigation %s; nothing recorded\n", id, name)
					refused++
				case errors.As(err, &m):
					fmt.Fprintf(a.stderr, "%s is not in investigation %s; nothing recorded\n", id, name)
					refused++
				case err != nil:
					return err
				case add:
					fmt.Fprintf(a.stdout, "Added %s to investigation %s.\n", id, name)
				default:
					fmt.Fprintf(a.stdout, "Removed %s from investigation %s.\n", id, name)
				}
			}
			if refused > 0 {
				return exitError{2}
			}
			return nil
		},
	}
	f.register(cmd, false)
	cmd.Flags().StringVar(&by, "by", "", "who decided (default: $USER)")
	return cmd
}

// lookupCommands turns config.toml's [lookups] into commands; relative
// program paths start at the config file's folder.
func lookupCommands(c config.Config) []lookup.Command {
	l := c.Lookups
	out := make([]lookup.Command, 0, len(l.Commands))
	for _, lc := range l.Commands {
		label := lc.Label
		if label == "" {
			label = lc.Name
		}
		out = append(out, lookup.Command{Name: lc.Name, Label: label, Types: lc.Types, Argv: lc.Argv, Dir: c.Dir(),
			Timeout: l.LookupTimeout(lc), Kinds: l.LookupKinds(lc), Env: lc.Env, MaxOutput: l.MaxOutput, Pass: lc.Pass})
	}
	return out
}

// The preview server's investigation and lookup actions (serve.Investigator,
// serve.Lookuper), beside the false positives of serve.go.

// serve finds Investigator and Lookuper by type assertion: these make a
// drifting signature fail the build instead of switching a feature off.
var (
	_ serve.Actions      = (*fpActions)(nil)
	_ serve.Investigator = (*fpActions)(nil)
	_ serve.Lookuper     = (*fpActions)(nil)
)

func (f *fpActions) SetInvestigation(ctx context.Context, scanID, name string, member bool) (string, error) {
	ch, err := f.decide.SetInvestigation(ctx, scanID, name, member, f.by())
	if text, refused := decisions.Refusal(err); refused {
		return text, nil
	}
	if err == nil && f.notify != nil {
		f.notify(ch)
	}
	return "", err
}

func (f *fpActions) Lookups() []serve.LookupInfo {
	cmds := f.commands()
	out := make([]serve.LookupInfo, len(cmds))
	for i, c := range cmds {
		out[i] = serve.LookupInfo{Name: c.Name, Label: c.Label, Types: c.Types, Kinds: c.Kinds}
	}
	return out
}

func (f *fpActions) Lookup(ctx context.Context, scanID, elementID, name string) (serve.LookupResult, string, error) {
	var res serve.LookupResult
	cmds := f.commands()
	i := slices.IndexFunc(cmds, func(c lookup.Command) bool { return c.Name == name })
	if i < 0 {
		return res, fmt.Sprintf("no lookup %q is configured", name), nil
	}
	c := cmds[i]
	t, err := f.decide.LookupTarget(scanID, elementID)
	if text, refused := decisions.Refusal(err); refused {
		return res, text, nil
	}
	if err != nil {
		return res, "", err
	}
	if !c.Applies(t.Type, t.Kind) {
		return res, fmt.Sprintf("lookup %s does not apply to a %s element of a %s scan (config.toml [lookups]: types %s, kinds %s)",
			c.Name, t.Type, t.Kind, strings.Join(c.Types, ", "), strings.Join(c.Kinds, ", ")), nil
	}
	out, err := lookup.Run(ctx, c, t.Type, t.Data)
	var lr *lookup.Refusal
	var lf *lookup.Failure
	switch {
	case errors.As(err, &lr):
		return res, lr.Text, nil
	case errors.As(err, &lf):
		return res, lf.Text, nil
	case err != nil:
		return res, "", err
	}
	f.log().Info("lookup ran", "lookup", c.Name, "scan", scanID, "element", elementID, "elements", len(out.Elements),
		"skipped", out.Skipped, "took", out.Took)
	for _, p := range out.Problems {
		f.log().Warn("lookup output line skipped", "lookup", c.Name, "problem", p)
	}
	added, known, ch, err := f.decide.AddChildren(ctx, scanID, elementID, out.Elements)
	if text, refused := decisions.Refusal(err); refused {
		return res, text, nil
	}
	if err != nil {
		return res, "", err
	}
	if f.notify != nil && !ch.Empty() {
		f.notify(ch)
	}
	res = serve.LookupResult{Added: added, Known: known, Skipped: out.Skipped}
	res.Message = lookupMessage(c.Label, res, out)
	return res, "", nil
}

func lookupMessage(label string, r serve.LookupResult, out lookup.Result) string {
	var parts []string
	switch r.Added {
	case 0:
		parts = append(parts, label+": nothing new")
	case 1:
		parts = append(parts, label+": 1 new child")
	default:
		parts = append(parts, fmt.Sprintf("%s: %d new children", label, r.Added))
	}
	if r.Known > 0 {
		parts = append(parts, fmt.Sprintf("%d already known", r.Known))
	}
	if r.Skipped > 0 {
		msg := fmt.Sprintf("%d output lines skipped", r.Skipped)
		if len(out.Problems) > 0 {
			msg += " (" + out.Problems[0] + ")"
		}
		parts = append(parts, msg)
	}
	if out.Cut {
		parts = append(parts, "its output was cut at the size limit")
	}
	return strings.Join(parts, "; ")
}
