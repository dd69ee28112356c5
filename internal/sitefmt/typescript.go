package sitefmt

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strconv"
	"strings"
)

// TSHeader opens the generated TypeScript file.
const TSHeader = `// Code generated from internal/sitefmt (the Go types of the data files) by
// ` + "`make types`" + `; DO NOT EDIT. docs/site-format.md describes the files; the
// structure comes from our own generator; every string inside is scan data
// and so untrusted: it only ever reaches the page through textContent.
`

// TypeScript writes a TypeScript interface for every struct type declared
// in the Go files (in their order), with the types' and fields' comments.
// A field's JSON name is its name there, `omitempty` makes it optional,
// and its `ts` tag, when present, is its TypeScript type.
func TypeScript(files ...string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(TSHeader)
	fset := token.NewFileSet()
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				ts := s.(*ast.TypeSpec)
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				doc := ts.Doc
				if doc == nil && len(g.Specs) == 1 {
					doc = g.Doc
				}
				b.WriteString("\n")
				writeComment(&b, "", doc)
				fmt.Fprintf(&b, "export interface %s {\n", ts.Name.Name)
				if err := writeFields(&b, fset, st); err != nil {
					return nil, fmt.Errorf("%s: %w", ts.Name.Name, err)
				}
				b.WriteString("}\n")
			}
		}
	}
	return b.Bytes(), nil
}

func writeComment(b *bytes.Buffer, indent string, g *ast.CommentGroup) {
	if g == nil {
		return
	}
	for _, line := range strings.Split(strings.TrimRight(g.Text(), "\n"), "\n") {
		b.WriteString(indent + strings.TrimRight("// "+line, " ") + "\n")
	}
}

func writeFields(b *bytes.Buffer, fset *token.FileSet, st *ast.StructType) error {
	for _, f := range st.Fields.List {
		if f.Tag == nil || len(f.Names) != 1 {
			return fmt.Errorf("%s: a field needs one name and a json tag", fset.Position(f.Pos()))
		}
		raw, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			return err
		}
		tag := reflect.StructTag(raw)
		name, opts, _ := strings.Cut(tag.Get("json"), ",")
		if body, ok := tag.Lookup("body"); ok && name == "-" {
			name = body // a packed file's binary body, as the page holds it
		}
		if name == "" || name == "-" {
			return fmt.Errorf("%s: field %s has no json name", fset.Position(f.Pos()), f.Names[0].Name)
		}
		typ, ok := tag.Lookup("ts")
		if !ok {
			if typ, err = tsType(f.Type); err != nil {
				return fmt.Errorf("%s: %w", fset.Position(f.Pos()), err)
			}
		}
		optional := ""
		if strings.Contains(opts, "omitempty") {
			optional = "?"
		}
		writeComment(b, "  ", f.Doc)
		line := fmt.Sprintf("  %s%s: %s;", name, optional, typ)
		if f.Comment != nil {
			line += " // " + strings.TrimSpace(strings.ReplaceAll(f.Comment.Text(), "\n", " "))
		}
		b.WriteString(line + "\n")
	}
	return nil
}

// tsType is the TypeScript type of a Go type expression.
func tsType(e ast.Expr) (string, error) {
	switch t := e.(type) {
	case *ast.Ident:
		switch t.Name {
		case "string":
			return "string", nil
		case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
			return "number", nil
		case "bool":
			return "boolean", nil
		case "any":
			return "unknown", nil
		}
		if t.Obj == nil && !ast.IsExported(t.Name) {
			return "", fmt.Errorf("no TypeScript type for %s", t.Name)
		}
		return t.Name, nil
	case *ast.StarExpr:
		return tsType(t.X)
	case *ast.ArrayType:
		if t.Len != nil {
			return "", fmt.Errorf("arrays of fixed length need a ts tag")
		}
		el, err := tsType(t.Elt)
		if err != nil {
			return "", err
		}
		if strings.ContainsAny(el, " |") {
			el = "(" + el + ")"
		}
		return el + "[]", nil
	case *ast.MapType:
		if k, ok := t.Key.(*ast.Ident); !ok || k.Name != "string" {
			return "", fmt.Errorf("map keys must be strings")
		}
		v, err := tsType(t.Value)
		if err != nil {
			return "", err
		}
		return "Record<string, " + v + ">", nil
	}
	return "", fmt.Errorf("no TypeScript type for %T", e)
}
