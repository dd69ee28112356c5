// Package static holds the report's browser code: TypeScript and CSS sources
// in src/, bundled by internal/bundle (esbuild's Go API) into gen/app.js,
// gen/app-graphs.js and gen/app.css, which are embedded here. gen/ is not committed: `make bundle`
// writes it (the Makefile runs it before every build and test).
package static

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
)

//go:embed all:gen
var gen embed.FS

// Bundle names inside gen/.
const (
	AppJS = "app.js"
	// AppGraphsJS is the graph pages' bundle: AppJS plus the graph views
	// and their libraries. A page loads one of the two.
	AppGraphsJS = "app-graphs.js"
	AppCSS      = "app.css"
	// Icon is the site's icon (SVG), linked from every page.
	Icon = "icon.svg"
)

// ErrMissing means the bundles were not built into the binary.
var ErrMissing = errors.New("the browser bundle is not built into this binary: run `make bundle` (or `make build`) and build again")

// Bundle returns the embedded bundle name (AppJS, AppGraphsJS, AppCSS or Icon).
func Bundle(name string) ([]byte, error) {
	data, err := fs.ReadFile(gen, "gen/"+name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrMissing
	}
	if err != nil {
		return nil, fmt.Errorf("read bundle %s: %w", name, err)
	}
	return data, nil
}
