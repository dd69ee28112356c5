package sitefmt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/scanreport/scanreport/internal/datafile"
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
	case "ixs":
		return reflect.TypeFor[IndexSources]()
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

// Decode decodes a data file's payload into the type its "k" names (a
// pointer to it, e.g. *Manifest), strictly: a key the type does not
// declare, a key it declares without omitempty that the payload lacks (at
// any depth), or a value of another JSON type is an error; so is a binary
// body (datafile.Split) on a type without a body field, or its absence on
// a type with one.
func Decode(payload []byte) (any, error) {
	header, body := datafile.Split(payload)
	var head struct {
		K string `json:"k"`
	}
	if err := json.Unmarshal(header, &head); err != nil {
		return nil, err
	}
	t := typeOf(head.K)
	if t == nil {
		return nil, fmt.Errorf("no data file kind %q", head.K)
	}
	v := reflect.New(t)
	dec := json.NewDecoder(bytes.NewReader(header))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v.Interface()); err != nil {
		return nil, fmt.Errorf("%s: %w", head.K, err)
	}
	if err := required(t, header, head.K); err != nil {
		return nil, err
	}
	if err := setBody(v, body, head.K); err != nil {
		return nil, err
	}
	return v.Interface(), nil
}

// Unmarshal decodes a data file's payload into v (a pointer to a struct,
// or to any other JSON target), as encoding/json does: unknown keys are
// ignored; a binary body goes to v's body field.
func Unmarshal(payload []byte, v any) error {
	header, body := datafile.Split(payload)
	if err := json.Unmarshal(header, v); err != nil {
		return err
	}
	if body == nil {
		return nil
	}
	return setBody(reflect.ValueOf(v), body, "payload")
}

// setBody puts a payload's binary body into the field of p's struct
// tagged `body`: a body needs such a field, and such a field needs one.
func setBody(p reflect.Value, body []byte, what string) error {
	st := p
	for st.Kind() == reflect.Pointer || st.Kind() == reflect.Interface {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for i := range st.NumField() {
			if _, ok := st.Type().Field(i).Tag.Lookup("body"); ok {
				if body == nil {
					return fmt.Errorf("%s: no binary body", what)
				}
				st.Field(i).SetBytes(body)
				return nil
			}
		}
	}
	if body != nil {
		return fmt.Errorf("%s: a binary body where none belongs", what)
	}
	return nil
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
