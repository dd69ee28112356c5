// Command scanreport turns OSINT scan result directories into a static HTML
// report site. Each subcommand lives in its own file; this one wires them
// together. Run `scanreport help` for the list.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// exitError carries an exit code without another message.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// run executes the command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first Ctrl-C (or SIGTERM) cancels ctx and lets the command stop
	// cleanly; from then on the signals have their default effect, so a
	// second one ends the process even if some step does not heed ctx.
	go func() {
		<-ctx.Done()
		stop()
	}()
	app := &app{stdout: stdout, stderr: stderr}
	root := app.rootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintln(stderr, "scanreport:", err)
		return 1
	}
}

// app holds what every subcommand shares: the output streams and the
// global flags.
type app struct {
	stdout, stderr io.Writer
	configPath     string
	verbose        bool
	log            *slog.Logger
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "scanreport",
		Short: "Turn OSINT scan results into a fast, safe, self-contained HTML report",
		Long: `scanreport reads scan directories (one per scan: scan.toml, elements.jsonl,
log.jsonl, settings.toml, review.jsonl, notes.md) and writes a static HTML site
that opens from file://, any web server or object storage.

Settings come from config.toml (see --config); flags override them.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			level := slog.LevelWarn
			if a.verbose {
				level = slog.LevelDebug
			}
			a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
		},
	}
	root.PersistentFlags().StringVar(&a.configPath, "config", "", "config file (default: config.toml in the current folder, if there is one)")
	root.PersistentFlags().BoolVarP(&a.verbose, "verbose", "v", false, "log what happens, with timings")
	root.AddCommand(a.buildCommand(), a.serveCommand(), a.validateCommand(), a.fpCommand(), a.closeCommand(), a.sampleCommand(), a.importCommand(), a.publishCommand(), a.investigationCommand(), a.versionCommand())
	return root
}
