package scan

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// Settings is settings.toml: the global settings and every module's settings
// as they were when the scan started.
type Settings struct {
	Global  []Setting
	Modules []ModuleSettings
}

// ModuleSettings are one module's settings.
type ModuleSettings struct {
	Module   string
	Settings []Setting
}

// Setting is one option. Value is the TOML value rendered as text (strings
// unquoted, arrays as comma-separated lists); Raw, when set, is the decoded
// TOML value (string, int64, float64, bool, time, []any, map[string]any),
// so that secrets nested in tables and arrays can be found
// (internal/redact).
type Setting struct {
	Key   string
	Value string
	Raw   any
}

type settingsFile struct {
	Global  map[string]any            `toml:"global"`
	Modules map[string]map[string]any `toml:"modules"`
}

// ParseSettings decodes settings.toml. Keys are sorted, as SpiderFoot shows
// them. Unknown top-level keys are reported and ignored.
func ParseSettings(data []byte, id, file string, report Reporter) (Settings, error) {
	var sf settingsFile
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sf); err != nil {
		var strict *toml.StrictMissingError
		if !errors.As(err, &strict) {
			return Settings{}, tomlError(file, err)
		}
		for _, e := range strict.Errors {
			row, _ := e.Position()
			report.report(Problem{Scan: id, File: file, Line: row, Severity: Warning, Kind: KindMeta,
				Text: fmt.Sprintf("unknown key %s ignored: settings belong in [global] or [modules.NAME]", strconv.Quote(strings.Join(e.Key(), ".")))})
		}
	}
	s := Settings{Global: settingList(sf.Global)}
	for _, name := range slices.Sorted(maps.Keys(sf.Modules)) {
		s.Modules = append(s.Modules, ModuleSettings{Module: name, Settings: settingList(sf.Modules[name])})
	}
	return s, nil
}

func settingList(m map[string]any) []Setting {
	out := make([]Setting, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, Setting{Key: k, Value: SettingText(m[k]), Raw: m[k]})
	}
	return out
}

// SettingText renders a decoded TOML value as Setting.Value shows it.
func SettingText(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		parts := make([]string, len(t))
		for i, x := range t {
			parts[i] = SettingText(x)
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		parts := make([]string, 0, len(t))
		for _, k := range slices.Sorted(maps.Keys(t)) {
			parts = append(parts, k+" = "+SettingText(t[k]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// MarshalSettings encodes s as settings.toml.
func MarshalSettings(s Settings) ([]byte, error) {
	sf := settingsFile{Global: map[string]any{}, Modules: map[string]map[string]any{}}
	for _, g := range s.Global {
		sf.Global[g.Key] = g.Value
	}
	for _, m := range s.Modules {
		mm := map[string]any{}
		for _, o := range m.Settings {
			mm[o.Key] = o.Value
		}
		sf.Modules[m.Module] = mm
	}
	var b bytes.Buffer
	b.WriteString("# settings at scan start: see docs/scan-format.md\n")
	if err := toml.NewEncoder(&b).Encode(sf); err != nil {
		return nil, fmt.Errorf("encode settings.toml: %w", err)
	}
	return b.Bytes(), nil
}
