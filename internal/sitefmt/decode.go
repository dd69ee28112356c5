package sitefmt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// typeOf returns the type of a payload whose "k" is k, nil for none.
func typeOf(k string) reflect.Type {
	switch k {
	case "manifest":
		return reflect.TypeFor[Manifest]()
	case "elements":
		return reflect.TypeFor[ElementChunk]()
	case "log":
		return reflect.TypeFor[LogChunk]()
	case "fp":
		return reflect.TypeFor[FPList]()
	case "scans":
		return reflect.TypeFor[ScansList]()
	case "investigations":
		return reflect.TypeFor[InvestigationsList]()
	case "ix":
		return reflect.TypeFor[IndexMeta]()
	case "ixt":
		return reflect.TypeFor[TrigramShard]()
	case "ixd":
		return reflect.TypeFor[IndexBlock]()
	case "ixx":
		return reflect.TypeFor[ExactShard]()
	case "ixg":
		return reflect.TypeFor[IndexSegment]()
	case "graph":
		return reflect.TypeFor[GraphManifest]()
	case "graph-part":
		return reflect.TypeFor[GraphPart]()
	case "tree":
		return reflect.TypeFor[TreeManifest]()
	case "tree-part":
		return reflect.TypeFor[TreePart]()
	}
	return nil
}

// Decode decodes a data file's JSON payload into the type its "k" names
// (a pointer to it, e.g. *Manifest), strictly: a key the type does not
// declare, a key it declares without omitempty that the payload lacks (at
// any depth), or a value of another JSON type is an error.
func Decode(payload []byte) (any, error) {
	var head struct {
		K string `json:"k"`
	}
	if err := json.Unmarshal(payload, &head); err != nil {
		return nil, err
	}
	t := typeOf(head.K)
	if t == nil {
		return nil, fmt.Errorf("no data file kind %q", head.K)
	}
	v := reflect.New(t)
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v.Interface()); err != nil {
		return nil, fmt.Errorf("%s: %w", head.K, err)
	}
	if err := required(t, payload, head.K); err != nil {
		return nil, err
	}
	return v.Interface(), nil
}

// required checks that raw, a JSON value of type t, has every key t
// declares without omitempty, in nested objects too.
func required(t reflect.Type, raw json.RawMessage, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for i := range t.NumField() {
			f := t.Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			v, ok := obj[name]
			if !ok {
				if !strings.Contains(opts, "omitempty") {
					return fmt.Errorf("%s: no %q", path, name)
				}
				continue
			}
			if err := required(f.Type, v, path+"."+name); err != nil {
				return err
			}
		}
	case reflect.Slice:
		e := t.Elem()
		for e.Kind() == reflect.Pointer {
			e = e.Elem()
		}
		if e.Kind() != reflect.Struct {
			return nil
		}
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for i, it := range items {
			if err := required(e, it, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}
