package exports

import (
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/model"
)

// GEXF versions.
const (
	GEXF12 = "1.2draft"
	GEXF13 = "1.3"
)

// WriteGEXF writes the scan's entity graph. version is GEXF12 (the default
// SpiderFoot, Gephi and every NetworkX read) or GEXF13. Characters XML
// forbids are dropped, so the file always parses.
func WriteGEXF(w io.Writer, s *model.Scan, version string) error {
	return WriteEntityGEXF(w, s, entity.Build(s), version)
}

// WriteEntityGEXF is WriteGEXF for an entity graph g of s already built
// (the build shares one with the graph page).
func WriteEntityGEXF(w io.Writer, s *model.Scan, g *entity.Graph, version string) error {
	return WriteGraphGEXF(w, g, version, s.Meta.Name, dateOf(s))
}

func dateOf(s *model.Scan) string {
	for _, t := range []int64{s.Meta.Ended.UnixMilli(), s.Meta.Started.UnixMilli(), s.Meta.Created.UnixMilli()} {
		if t > 0 {
			return model.Time(t).Format("2006-01-02")
		}
	}
	return "2000-01-01"
}

// WriteGraphGEXF writes g as GEXF.
func WriteGraphGEXF(w io.Writer, g *entity.Graph, version, description, date string) error {
	ns, vizNS, ver := "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz", "1.2"
	if version == GEXF13 {
		ns, vizNS, ver = "http://gexf.net/1.3", "http://gexf.net/1.3/viz", "1.3"
	}
	b := make([]byte, 0, 64<<10)
	b = append(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"...)
	b = append(b, `<gexf xmlns="`+ns+`" xmlns:viz="`+vizNS+`" version="`+ver+`">`+"\n"...)
	b = append(b, `  <meta lastmodifieddate="`+date+`"><creator>scanreport</creator><description>`...)
	b = appendXML(b, description)
	b = append(b, "</description></meta>\n"...)
	b = append(b, `  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="type" title="type" type="string"/>
      <attribute id="category" title="category" type="string"/>
      <attribute id="module" title="module" type="string"/>
      <attribute id="first_seen" title="first_seen" type="string"/>
      <attribute id="risky" title="risky" type="boolean"/>
      <attribute id="elements" title="elements" type="integer"/>
    </attributes>
    <nodes>
`...)
	for i, nd := range g.Nodes {
		b = append(b, `      <node id="n`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `" label="`...)
		b = appendXML(b, nd.Label)
		b = append(b, `"><attvalues><attvalue for="type" value="`...)
		b = appendXML(b, nd.Type)
		b = append(b, `"/><attvalue for="category" value="`...)
		b = appendXML(b, nd.Category)
		b = append(b, `"/><attvalue for="module" value="`...)
		b = appendXML(b, nd.Module)
		b = append(b, `"/><attvalue for="first_seen" value="`...)
		if t := model.Time(nd.FirstSeen); !t.IsZero() {
			b = t.AppendFormat(b, "2006-01-02T15:04:05Z07:00")
		}
		b = append(b, `"/><attvalue for="risky" value="`...)
		b = strconv.AppendBool(b, nd.Risky)
		b = append(b, `"/><attvalue for="elements" value="`...)
		b = strconv.AppendInt(b, int64(nd.Count), 10)
		b = append(b, `"/></attvalues>`...)
		r, gr, bl := nodeColor(nd)
		b = append(b, `<viz:color r="`...)
		b = strconv.AppendInt(b, int64(r), 10)
		b = append(b, `" g="`...)
		b = strconv.AppendInt(b, int64(gr), 10)
		b = append(b, `" b="`...)
		b = strconv.AppendInt(b, int64(bl), 10)
		b = append(b, `" a="1.0"/></node>`+"\n"...)
		if len(b) > 60<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, "    </nodes>\n    <edges>\n"...)
	for i, e := range g.Edges {
		b = append(b, `      <edge id="`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `" source="n`...)
		b = strconv.AppendInt(b, int64(e[0]), 10)
		b = append(b, `" target="n`...)
		b = strconv.AppendInt(b, int64(e[1]), 10)
		b = append(b, "\"/>\n"...)
		if len(b) > 60<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, "    </edges>\n  </graph>\n</gexf>\n"...)
	_, err := w.Write(b)
	return err
}

// nodeColor: the target red, risky values orange, other entities blue.
func nodeColor(n entity.Node) (r, g, b int) {
	switch {
	case n.Target:
		return 255, 0, 0
	case n.Risky:
		return 255, 140, 0
	}
	return 31, 119, 180
}

// appendXML appends s escaped for XML text and attribute values, dropping
// characters XML 1.0 does not allow (most control characters, lone
// surrogates, U+FFFE and U+FFFF) and invalid UTF-8.
func appendXML(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"':
				b = append(b, "&quot;"...)
			case c == '\'':
				b = append(b, "&apos;"...)
			case c == '\t':
				b = append(b, "&#9;"...)
			case c == '\n':
				b = append(b, "&#10;"...)
			case c == '\r':
				b = append(b, "&#13;"...)
			case c < 0x20:
				// not allowed in XML 1.0: dropped
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r != utf8.RuneError || size > 1) && xmlChar(r) {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

func xmlChar(r rune) bool {
	return r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
