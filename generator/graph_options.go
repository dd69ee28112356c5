package generator

import (
	"github.com/scanreport/scanreport/generator/exports"
	"github.com/scanreport/scanreport/generator/graph"
)

// graphOptions are the options of the graph data files (generator/graph).
func (b *builder) graphOptions() graph.Options {
	v := b.o.GEXFVersion
	if v == "" {
		v = exports.GEXF12
	}
	return graph.Options{GEXFVersion: v}
}
