// Package redact masks secrets in scan data before it reaches the report:
// settings whose names look secret (at any depth of a TOML value), URL
// query parameters and URL passwords with secret-like names in any text,
// and every literal occurrence of a secret setting's value. It is the one
// masking component of the pipeline: generator/model applies it where scan
// data enters (docs/secrets.md), so every page, data file, download and
// search file is made from masked text only.
package redact

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/pelletier/go-toml/v2"
)

// Mark replaces every masked value.
const Mark = "[masked]"

// MinLiteral is the shortest secret value searched for literally in all
// text: shorter ones ("true", "5", "admin") would mask ordinary words.
const MinLiteral = 6

// DefaultKeys are the setting-name patterns masked by default: they cover
// SpiderFoot's option names (api_key, apikey, xforce_api_key_password,
// _socks5pwd, censys_api_key_secret, username/password …) and common ones.
// Patterns are matched against the normalised name (Normalize): lower case,
// '-', ' ' and '.' read as '_'; '*' matches any run of characters.
var DefaultKeys = []string{
	"key", "*_key", "*api_key*", "*apikey*", "*key_id*", "*private_key*", "*access_key*",
	"*password*", "*passwd*", "*passphrase*", "*pwd*", "pass", "*_pass", "pass_*",
	"*secret*", "*token*", "*credential*", "*cookie*", "*session*", "*auth*", "*_sid",
}

// companions are names masked when a secret sits beside them in the same
// table: the user name of a user name + password pair (SpiderFoot's
// _socks4user beside _socks5pwd, a module's username beside password, an
// account e-mail beside an API key).
var companions = []string{"user", "*_user", "*user_id", "*userid", "*username", "*socks?user", "login", "*_login",
	"*_email", "*account_id", "*_uid", "*client_id"}

// Normalize is the form names are matched in.
func Normalize(name string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', ' ', '.':
			return '_'
		}
		return unicode.ToLower(r)
	}, name)
}

// Match reports whether name matches a pattern ('*' any run, '?' one
// character), both in normalised form.
func Match(pattern, name string) bool {
	p, n := 0, 0
	star, back := -1, 0
	for n < len(name) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == name[n]):
			p++
			n++
		case p < len(pattern) && pattern[p] == '*':
			star, back = p, n
			p++
		case star >= 0:
			p = star + 1
			back++
			n = back
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// Rules decide which names are secret. They are safe for concurrent use.
type Rules struct {
	isSecret func(name string) bool
	// names caches the decision per name seen in text (query parameter
	// names repeat: q, id, page, key …), up to maxCached names.
	names  sync.Map
	cached atomic.Int32
}

const maxCached = 4096

// secretName is isSecret through the cache.
func (r *Rules) secretName(name string) bool {
	if v, ok := r.names.Load(name); ok {
		return v.(bool)
	}
	secret := r.isSecret(name)
	if r.cached.Add(1) <= maxCached {
		r.names.Store(strings.Clone(name), secret)
	}
	return secret
}

// New makes rules from a predicate on setting names (config.Secrets.IsSecret);
// nil uses DefaultKeys.
func New(isSecret func(name string) bool) *Rules {
	if isSecret == nil {
		isSecret = func(name string) bool { return matchAny(DefaultKeys, Normalize(name)) }
	}
	return &Rules{isSecret: isSecret}
}

func matchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if Match(p, name) {
			return true
		}
	}
	return false
}

// IsSecret reports whether a setting or parameter of this name is masked.
func (r *Rules) IsSecret(name string) bool { return r.isSecret(name) }

// Table masks a decoded TOML table in place, at any depth (tables, arrays
// of tables, dotted keys): a secret key's whole value becomes Mark, and so
// does a companion (user name) beside a secret. It returns how many values
// were masked and appends the secret strings found to values.
func (r *Rules) Table(t map[string]any, values []string) (int, []string) {
	n := 0
	secret := false
	for k := range t {
		if r.isSecret(k) {
			secret = true
			break
		}
	}
	for k, v := range t {
		if r.isSecret(k) || (secret && matchAny(companions, Normalize(k))) {
			if empty(v) {
				continue
			}
			values = leaves(v, values)
			t[k] = Mark
			n++
			continue
		}
		var m int
		t[k], m, values = r.value(v, values)
		n += m
	}
	return n, values
}

func (r *Rules) value(v any, values []string) (any, int, []string) {
	switch x := v.(type) {
	case map[string]any:
		n, values := r.Table(x, values)
		return x, n, values
	case []any:
		n := 0
		for i := range x {
			var m int
			x[i], m, values = r.value(x[i], values)
			n += m
		}
		return x, n, values
	case []map[string]any:
		n := 0
		for _, t := range x {
			var m int
			m, values = r.Table(t, values)
			n += m
		}
		return x, n, values
	case string:
		return r.URLText(x), 0, values
	}
	return v, 0, values
}

// empty says whether a value holds nothing worth masking (an unset option,
// or a flag).
func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return true
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// leaves appends every string (and number) inside v.
func leaves(v any, out []string) []string {
	switch x := v.(type) {
	case string:
		return append(out, x)
	case []any:
		for _, e := range x {
			out = leaves(e, out)
		}
	case map[string]any:
		for _, e := range x {
			out = leaves(e, out)
		}
	case []map[string]any:
		for _, e := range x {
			out = leaves(e, out)
		}
	case int64:
		return append(out, strconv.FormatInt(x, 10))
	case float64:
		return append(out, strconv.FormatFloat(x, 'f', -1, 64))
	case nil, bool:
	default:
		return append(out, fmt.Sprint(x))
	}
	return out
}

// Masker masks text: literal secret values, then URL query parameters and
// URL passwords with secret-like names. The zero of *Masker (nil) masks
// nothing.
type Masker struct {
	rules    *Rules
	literals []string // longest first
	first    [256]bool
}

// Masker returns a masker for these secret values (from Table); values
// shorter than MinLiteral, flags and duplicates are left out, and each
// value's URL-encoded forms are added.
func (r *Rules) Masker(values []string) *Masker {
	m := &Masker{rules: r}
	seen := map[string]bool{}
	add := func(v string) {
		if len(v) < MinLiteral || seen[v] {
			return
		}
		switch strings.ToLower(v) {
		case "true", "false", "yes", "no", "none", "null":
			return
		}
		seen[v] = true
		m.literals = append(m.literals, v)
		m.first[v[0]] = true
	}
	for _, v := range values {
		v = strings.TrimSpace(v)
		add(v)
		add(url.QueryEscape(v))
		add(url.PathEscape(v))
		// As JSON lines hold it (encoding/json escapes <, >, & too).
		if j, err := json.Marshal(v); err == nil {
			add(string(j[1 : len(j)-1]))
		}
		add(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v))
	}
	sort.Slice(m.literals, func(i, j int) bool {
		if len(m.literals[i]) != len(m.literals[j]) {
			return len(m.literals[i]) > len(m.literals[j])
		}
		return m.literals[i] < m.literals[j]
	})
	return m
}

// Literals says how many literal values the masker searches for.
func (m *Masker) Literals() int {
	if m == nil {
		return 0
	}
	return len(m.literals)
}

// String masks s. Text without a secret is returned as is (no copy).
func (m *Masker) String(s string) string {
	if m == nil {
		return s
	}
	if len(m.literals) > 0 && m.maybeLiteral(s) {
		for _, l := range m.literals {
			if strings.Contains(s, l) {
				s = strings.ReplaceAll(s, l, Mark)
			}
		}
	}
	return m.rules.URLText(s)
}

// maybeLiteral is a quick filter: can any literal start in s?
func (m *Masker) maybeLiteral(s string) bool {
	if len(s) < MinLiteral {
		return false
	}
	for i := 0; i < len(s); i++ {
		if m.first[s[i]] {
			return true
		}
	}
	return false
}

// URLText masks the values of query parameters with secret names
// (?api_key=…, &token=…, ;password=…) and the password of URLs with user
// information (scheme://user:password@host) anywhere in s.
func (r *Rules) URLText(s string) string {
	if r == nil || strings.IndexByte(s, '=') < 0 && !strings.Contains(s, "://") {
		return s
	}
	var b strings.Builder
	last := 0 // s[:last] is in b (or b is empty and nothing changed)
	changed := false
	emit := func(from, to int) { // mask s[from:to]
		if s[from:to] == Mark {
			return
		}
		if !changed {
			b.Grow(len(s))
			changed = true
		}
		b.WriteString(s[last:from])
		b.WriteString(Mark)
		last = to
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '=':
			start := i
			for start > 0 && nameByte(s[start-1]) {
				start--
			}
			if start == i || (start > 0 && !delimiter(s[start-1])) {
				continue
			}
			if strings.HasPrefix(s[i+1:], Mark) {
				i += len(Mark)
				continue
			}
			name := s[start:i]
			if dec, err := url.QueryUnescape(name); err == nil {
				name = dec
			}
			end := i + 1
			for end < len(s) && !valueEnd(s[end]) {
				end++
			}
			if end > i+1 && r.secretName(name) {
				emit(i+1, end)
				i = end - 1
			}
		case ':':
			if !strings.HasPrefix(s[i:], "://") {
				continue
			}
			// scheme://user:password@host: the authority ends at / ? # or a space.
			j := i + 3
			colon, at := -1, -1
			for ; j < len(s) && !authorityEnd(s[j]); j++ {
				switch s[j] {
				case ':':
					if colon < 0 {
						colon = j
					}
				case '@':
					at = j
				}
			}
			if colon >= 0 && at > colon+1 {
				emit(colon+1, at)
			}
			i = j - 1
		}
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func nameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.' || c == '%' || c == '[' || c == ']'
}

// delimiter may come before a parameter name.
func delimiter(c byte) bool {
	switch c {
	case '?', '&', ';', ' ', '\t', '\n', '\r', ',', '"', '\'', '(', '{', '[', '<', '>', '#', '/', '|':
		return true
	}
	return false
}

func valueEnd(c byte) bool {
	switch c {
	case '&', '#', ';', '?', ' ', '\t', '\n', '\r', '"', '\'', '<', '>', ',', ')', '}', ']', '|':
		return true
	}
	return false
}

func authorityEnd(c byte) bool {
	switch c {
	case '/', '?', '#', ' ', '\t', '\n', '\r', '"', '\'', '<', '>', '\\':
		return true
	}
	return false
}

// SettingsFile masks a settings.toml document (any layout) by name at any
// depth and returns it encoded again, with how many values were masked.
// It is what `publish --with-scans` archives instead of the raw file.
func (r *Rules) SettingsFile(data []byte) ([]byte, int, error) {
	out, n, _, err := r.settingsFile(data)
	return out, n, err
}

// SettingsFileValues is SettingsFile that returns the secret values found
// (for Masker) instead of their count.
func (r *Rules) SettingsFileValues(data []byte) ([]byte, []string, error) {
	out, _, values, err := r.settingsFile(data)
	return out, values, err
}

func (r *Rules) settingsFile(data []byte) ([]byte, int, []string, error) {
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, 0, nil, fmt.Errorf("settings.toml: %w", err)
	}
	n, values := r.Table(doc, nil)
	// Literal secrets may also sit in other settings (a URL with the key in it).
	m := r.Masker(values)
	maskStrings(doc, m)
	var b bytes.Buffer
	b.WriteString("# settings at scan start, secrets masked by scanreport (docs/secrets.md)\n")
	if err := toml.NewEncoder(&b).Encode(doc); err != nil {
		return nil, 0, nil, fmt.Errorf("settings.toml: encode: %w", err)
	}
	return b.Bytes(), n, values, nil
}

func maskStrings(v any, m *Masker) any {
	switch x := v.(type) {
	case string:
		return m.String(x)
	case map[string]any:
		for k, e := range x {
			x[k] = maskStrings(e, m)
		}
	case []any:
		for i, e := range x {
			x[i] = maskStrings(e, m)
		}
	case []map[string]any:
		for _, e := range x {
			maskStrings(e, m)
		}
	}
	return v
}
