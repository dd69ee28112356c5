package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // --tz works where the system has no zone database

	"github.com/spf13/cobra"

	"github.com/scanreport/scanreport/scan"
	"github.com/scanreport/scanreport/scanstore"
	"github.com/scanreport/scanreport/spiderfoot"
)

// importFlags are the flags every import takes.
type importFlags struct {
	out    string
	scans  []string
	force  bool
	tz     string
	id     string
	target string
	status string
}

func (f *importFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.out, "out", "", "scans root to write the scan directories into (default from config: scans)")
	cmd.Flags().BoolVar(&f.force, "force", false, "replace (or, for the stream, write into) a scan directory that scanreport import did not create")
}

// exportFlags are the flags of the imports from export files.
func (f *importFlags) registerExport(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.tz, "tz", "UTC", `time zone of the export's times: SpiderFoot writes its server's local time (an IANA name such as "Europe/Berlin", or "Local")`)
	cmd.Flags().StringVar(&f.id, "id", "", "scan id (directory name) for a single scan, instead of one derived from its name")
	cmd.Flags().StringVar(&f.status, "status", scan.StatusFinished, "status to give the scans (exports do not say)")
}

// options turns the flags into import options.
func (a *app) importOptions(f *importFlags, source string) (spiderfoot.Options, error) {
	o := spiderfoot.Options{ScansRoot: f.out, Scans: f.scans, Force: f.force, ID: f.id, Target: f.target, Status: strings.ToUpper(f.status), Source: source}
	if o.ScansRoot == "" {
		c, err := a.loadConfig()
		if err != nil {
			return o, err
		}
		o.ScansRoot = c.ScansRoot()
	}
	if f.tz != "" {
		loc, err := loadTZ(f.tz)
		if err != nil {
			return o, err
		}
		o.Location = loc
	}
	if o.Status != "" && !slices.Contains(scan.Statuses, o.Status) {
		return o, fmt.Errorf("--status must be one of %s, not %q", strings.Join(scan.Statuses, ", "), f.status)
	}
	if o.ID != "" {
		if err := scan.ValidID(o.ID); err != nil {
			return o, fmt.Errorf("--id: %w", err)
		}
	}
	return o, nil
}

func loadTZ(name string) (*time.Location, error) {
	switch strings.ToLower(name) {
	case "utc", "":
		return time.UTC, nil
	case "local":
		return time.Local, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("--tz: %w", err)
	}
	return loc, nil
}

// openInput opens FILE, or standard input for "-".
func (a *app) openInput(cmd *cobra.Command, name string) (io.ReadCloser, string, error) {
	if name == "-" {
		return io.NopCloser(cmd.InOrStdin()), "standard input", nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, "", err
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		abs = name
	}
	return f, abs, nil
}

// importFrom runs an import of an export file or standard input ("-") and
// prints its summary.
func (a *app) importFrom(cmd *cobra.Command, file string, f *importFlags,
	run func(ctx context.Context, in io.Reader, o spiderfoot.Options) (*spiderfoot.Summary, error)) error {
	in, src, err := a.openInput(cmd, file)
	if err != nil {
		return err
	}
	defer in.Close()
	o, err := a.importOptions(f, src)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	s, err := run(ctx, in, o)
	if err != nil {
		return err
	}
	a.printSummary(s)
	return nil
}

func (a *app) printSummary(s *spiderfoot.Summary) {
	s.WriteText(a.stdout)
	fmt.Fprintln(a.stdout, "Run 'scanreport build' to make the report, or keep 'scanreport serve' running to see it update.")
}

func (a *app) importCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Import SpiderFoot scans: its database, its CSV, Excel and JSON exports, or sf.py's live output",
		Long: `import turns SpiderFoot data into scan directories (see docs/import.md).

Every import but the stream is safe to re-run: the same input gives the same
scan directories, which replace those an earlier import wrote while keeping
the analyst's work in them (notes.md, decisions in review.jsonl, other
files), on the same elements. A scan directory that scanreport import did
not create, or that holds a scan of another target, is never replaced
without --force. Each import prints a summary: scans, elements, log lines, what was
skipped and why, and how many links had to be guessed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.importDBCommand(), a.importCSVCommand(), a.importXLSXCommand(), a.importJSONCommand(), a.importStreamCommand())
	return cmd
}

func (a *app) importDBCommand() *cobra.Command {
	var f importFlags
	cmd := &cobra.Command{
		Use:   "spiderfoot-db FILE",
		Short: "Import scans from a SpiderFoot SQLite database (spiderfoot.db)",
		Long: `spiderfoot-db imports every scan of a SpiderFoot database, or those named
with --scan (SpiderFoot scan id or scan name): results with SpiderFoot's
hashes as element ids, the log, the scan's settings, false-positive flags,
SpiderFoot's stored correlations (spiderfoot-correlations.json), status and
times. The database is only read; a -wal file beside it is read too. Scan
SCANID becomes the scan directory sf-SCANID.`,
		Example: "  scanreport import spiderfoot-db ~/.spiderfoot/spiderfoot.db\n  scanreport import spiderfoot-db spiderfoot.db --scan 3F2A1B4C --out scans",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			abs, err := filepath.Abs(args[0])
			if err != nil {
				abs = args[0]
			}
			o, err := a.importOptions(&f, abs)
			if err != nil {
				return err
			}
			s, err := spiderfoot.ImportDB(cmd.Context(), args[0], o)
			if err != nil {
				return err
			}
			a.printSummary(s)
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringArrayVar(&f.scans, "scan", nil, "import only this scan (SpiderFoot scan id or name; repeatable)")
	cmd.Flags().StringVar(&f.status, "status", "", "give the scans this status instead of SpiderFoot's, e.g. ABORTED for a scan left RUNNING when SpiderFoot died (a final status without an end time ends at the last result)")
	return cmd
}

func (a *app) importCSVCommand() *cobra.Command {
	return a.tableExportCommand(&cobra.Command{
		Use:   "spiderfoot-csv FILE|-",
		Short: "Import a SpiderFoot CSV export (single scan or multi-scan)",
		Long: `spiderfoot-csv imports SpiderFoot's CSV export: the single-scan layout
(Updated,Type,Module,Source,F/P,Data), named with --scan or after the file,
or the multi-scan layout with "Scan Name" first, one scan directory per
name (--scan picks names). CSV carries no ids: links from source to child
are rebuilt from the data values, by the rule in docs/import.md, and the
summary counts the ambiguous and unmatched ones. Times are read in --tz.`,
		Example: "  scanreport import spiderfoot-csv example-SpiderFoot.csv --scan example --tz Europe/Berlin",
	}, spiderfoot.ImportCSV)
}

func (a *app) importXLSXCommand() *cobra.Command {
	return a.tableExportCommand(&cobra.Command{
		Use:   "spiderfoot-xlsx FILE|-",
		Short: "Import a SpiderFoot Excel export (single scan or multi-scan)",
		Long: `spiderfoot-xlsx imports SpiderFoot's Excel export: one worksheet per element
type, with Updated, Module, Source, F/P, Data (single scan, named with --scan
or after the file) or "Scan Name" first (multi-scan, one scan directory per
name; --scan picks names). Links from source to child are rebuilt from the
data values as for CSV (docs/import.md). Times are read in --tz.`,
		Example: "  scanreport import spiderfoot-xlsx example-SpiderFoot.xlsx --scan example",
	}, spiderfoot.ImportXLSX)
}

// tableExportCommand completes the command of an export in SpiderFoot's
// table layout (CSV, Excel): one file argument, a single scan named after
// the file unless --scan says, the export flags, --target.
func (a *app) tableExportCommand(cmd *cobra.Command, run func(context.Context, io.Reader, spiderfoot.Options) (*spiderfoot.Summary, error)) *cobra.Command {
	var f importFlags
	cmd.Args = cobra.ExactArgs(1)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return a.importFrom(cmd, args[0], &f, func(ctx context.Context, in io.Reader, o spiderfoot.Options) (*spiderfoot.Summary, error) {
			o.Name = exportScanName(args[0])
			return run(ctx, in, o)
		})
	}
	f.register(cmd)
	f.registerExport(cmd)
	cmd.Flags().StringArrayVar(&f.scans, "scan", nil, "single-scan export: the scan's name (default: the file name); multi-scan: import only this scan (repeatable)")
	cmd.Flags().StringVar(&f.target, "target", "", "the scan target (default: worked out from the rows)")
	return cmd
}

// exportScanName names a single-scan export after its file: SpiderFoot calls
// it "<scan name>-SpiderFoot.csv".
func exportScanName(file string) string {
	if file == "-" {
		return "SpiderFoot"
	}
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if n := strings.TrimSuffix(name, "-SpiderFoot"); n != "" {
		name = n
	}
	if name == "" {
		name = "SpiderFoot"
	}
	return name
}

func (a *app) importJSONCommand() *cobra.Command {
	var f importFlags
	cmd := &cobra.Command{
		Use:   "spiderfoot-json FILE|-",
		Short: "Import a SpiderFoot JSON export",
		Long: `spiderfoot-json imports SpiderFoot's JSON export (a list of objects with
data, event_type, module, source_data, false_positive, last_seen, scan_name,
scan_target), one scan directory per scan_name (--scan picks names). Links
are rebuilt from the data values as for CSV. Times are read in --tz.`,
		Example: "  scanreport import spiderfoot-json SpiderFoot.json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importFrom(cmd, args[0], &f, spiderfoot.ImportJSON)
		},
	}
	f.register(cmd)
	f.registerExport(cmd)
	cmd.Flags().StringArrayVar(&f.scans, "scan", nil, "import only this scan name (repeatable)")
	return cmd
}

func (a *app) importStreamCommand() *cobra.Command {
	var f importFlags
	var name, format string
	var replace bool
	cmd := &cobra.Command{
		Use:   "spiderfoot-stream --scan NAME [FILE|-]",
		Short: "Import sf.py's output (-o json, csv or tab) as it arrives, for a live view",
		Long: `spiderfoot-stream reads what 'sf.py -o json' (or -o csv, -o tab) prints, from
FILE or standard input, and appends each event to the scan directory as it
arrives, so that 'scanreport serve' shows the scan live. The scan is RUNNING
while the input lasts; then FINISHED if the JSON list was closed (csv and
tab have no end marker: their end of input counts as FINISHED), else
ABORTED. Log lines mixed into the output (SpiderFoot issue #1609) are
skipped, counted, and kept in the scan's log when they are SpiderFoot log
lines.

Unlike the other imports it appends: importing the same output twice adds
its events twice (--replace starts the scan afresh).`,
		Example: "  python3 sf.py -s example.com -m sfp_dnsresolve -o json -q | scanreport import spiderfoot-stream --scan example\n" +
			"  scanreport serve   # in another terminal",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file := "-"
			if len(args) == 1 {
				file = args[0]
			}
			if name == "" && f.id == "" {
				return fmt.Errorf("--scan NAME is required")
			}
			switch format {
			case "auto", "":
				format = spiderfoot.FormatAuto
			case spiderfoot.FormatJSON, spiderfoot.FormatCSV, spiderfoot.FormatTab:
			default:
				return fmt.Errorf("--format must be json, csv, tab or auto, not %q", format)
			}
			return a.importFrom(cmd, file, &f, func(ctx context.Context, in io.Reader, o spiderfoot.Options) (*spiderfoot.Summary, error) {
				o.Name = name
				if isBucketURL(o.ScansRoot) {
					// Into a bucket: the stream fills a staging folder whose
					// lines are sealed into segments every 1,000 lines or 2 s.
					stage, err := os.MkdirTemp("", "scanreport-stream-")
					if err != nil {
						return nil, err
					}
					defer os.RemoveAll(stage)
					bucket := o.ScansRoot
					o.ScansRoot = stage
					var sum *spiderfoot.Summary
					err = a.shipStaged(ctx, bucket, stage, scanstore.WriterOptions{}, func() error {
						var err error
						sum, err = spiderfoot.ImportStream(ctx, in, o, spiderfoot.StreamOptions{Format: format, Replace: replace})
						return err
					})
					return sum, err
				}
				return spiderfoot.ImportStream(ctx, in, o, spiderfoot.StreamOptions{Format: format, Replace: replace})
			})
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&name, "scan", "", "the scan's name; its directory is derived from it (required unless --id)")
	cmd.Flags().StringVar(&f.id, "id", "", "scan id (directory name) instead of one derived from --scan")
	cmd.Flags().StringVar(&format, "format", "auto", "what sf.py printed: json, csv, tab, or auto (detect)")
	cmd.Flags().StringVar(&f.tz, "tz", "UTC", "time zone of SpiderFoot's log lines in the output (its local time)")
	cmd.Flags().StringVar(&f.target, "target", "", "the scan target (default: the first event's source)")
	cmd.Flags().BoolVar(&replace, "replace", false, "start the scan afresh instead of appending to it")
	return cmd
}
