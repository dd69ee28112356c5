package chunks

// The data files of the whole site (paths relative to the site's root): the
// list of scans, the list of investigations, and live.js, which says
// whether a preview server is behind the pages. Package pages computes
// their entries; this package writes them, as it writes every data file.

import "github.com/scanreport/scanreport/internal/jsonw"

const (
	// LiveFile is the script that tells pages whether a preview server is
	// behind them; a built site says there is none (LiveStatic).
	// `scanreport serve` answers this path with its event stream's address
	// and token instead.
	LiveFile = "live.js"
	// ScansFile lists every scan and its data folder, for pages that look
	// at several scans (the search over all scans, downloads of several
	// scans, Compare).
	ScansFile = "data/scans.js"
	// InvestigationsFile lists every investigation, for the browser (the
	// Add box of a scan's Investigations tab).
	InvestigationsFile = "data/investigations.js"
)

// LiveStatic is the content of LiveFile in a built site.
var LiveStatic = []byte("window.__srLive=null;\n")

// ScanEntry is one scan in ScansFile.
type ScanEntry struct {
	ID, Name, Target, Status string
	Count                    int    // elements
	Data                     string // its data folder, relative to the site's root
}

// Scans encodes ScansFile:
// push({"k":"scans","scans":[{"id","name","target","status","count","data"}]}).
func Scans(list []ScanEntry) []byte {
	b := append([]byte(nil), prefix...)
	b = append(b, `{"k":"scans","scans":[`...)
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = jsonw.String(b, s.ID)
		b = append(b, `,"name":`...)
		b = jsonw.String(b, s.Name)
		b = append(b, `,"target":`...)
		b = jsonw.String(b, s.Target)
		b = append(b, `,"status":`...)
		b = jsonw.String(b, s.Status)
		b = append(b, `,"count":`...)
		b = jsonw.Int(b, int64(s.Count))
		b = append(b, `,"data":`...)
		b = jsonw.String(b, s.Data)
		b = append(b, '}')
	}
	b = append(b, "]}"...)
	return append(b, suffix...)
}

// InvestigationEntry is one investigation in InvestigationsFile.
type InvestigationEntry struct {
	Name, Title string
	URL         string // its page, relative to the site's root
	Scans       int
}

// Investigations encodes InvestigationsFile:
// push({"k":"investigations","scan":"","list":[{"name","title","url","scans"}]}).
func Investigations(list []InvestigationEntry) []byte {
	b := append([]byte(nil), prefix...)
	b = append(b, `{"k":"investigations","scan":"","list":[`...)
	for i, g := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = jsonw.String(b, g.Name)
		b = append(b, `,"title":`...)
		b = jsonw.String(b, g.Title)
		b = append(b, `,"url":`...)
		b = jsonw.String(b, g.URL)
		b = append(b, `,"scans":`...)
		b = jsonw.Int(b, int64(g.Scans))
		b = append(b, '}')
	}
	b = append(b, "]}"...)
	return append(b, suffix...)
}
