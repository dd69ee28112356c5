package correlate

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Rules carry Python regular expressions (SpiderFoot matches them with
// re.search). They are compiled with Go's regexp (RE2), after translating
// the few constructs that both accept but read differently:
//
//   - Python's $ (without MULTILINE) matches at the end or before a final
//     newline; RE2's $ only at the end. $ becomes (?:\n?\z).
//   - Python's \Z is the end of the text; RE2 spells it \z.
//   - Python reads {,n} as {0,n}; RE2 as the text "{,n}".
//   - Python's \uXXXX and \UXXXXXXXX are RE2's \x{XXXX}.
//
// Constructs RE2 lacks (lookahead and lookbehind, backreferences, atomic
// groups and possessive quantifiers, conditionals, the x/a/L/u flags) are
// refused with a message naming them. See docs/correlations.md for the rest
// of the differences (\d, \w, \s and \b are ASCII in RE2, repetition counts
// stop at 1000).

// compilePython compiles a Python pattern for re.search semantics.
// ignoreCase adds (?i) (SpiderFoot's re.IGNORECASE).
func compilePython(pattern string, ignoreCase bool) (*regexp.Regexp, error) {
	re, _, err := compilePythonLit(pattern, ignoreCase)
	return re, err
}

// literal is text that every match of a pattern contains: a cheap test
// that rules most values out before the regular expression runs.
type literal struct {
	text string // lower case when fold
	fold bool   // compare ignoring ASCII case
}

// compilePythonLit is compilePython that also returns the pattern's
// required literal (empty when there is none worth testing).
func compilePythonLit(pattern string, ignoreCase bool) (*regexp.Regexp, literal, error) {
	if hint := unsupported(pattern); hint != "" {
		return nil, literal{}, fmt.Errorf("%s, which Go's RE2 regular expressions do not support", hint)
	}
	tr := translatePython(pattern)
	if ignoreCase {
		tr = "(?i)" + tr
	}
	re, err := syntax.Parse(tr, syntax.Perl)
	if err != nil {
		return nil, literal{}, fmt.Errorf("not a valid RE2 regular expression: %s", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	// re.search finds a match anywhere: a leading or trailing .* (which
	// may match nothing) changes no answer, and dropping it lets RE2 skip
	// ahead to a literal. Only the yes/no answer is used.
	re = trimDotStar(re.Simplify())
	out, err := regexp.Compile(re.String())
	if err != nil { // the rewritten form should always compile; fall back
		out, err = regexp.Compile(tr)
		if err != nil {
			return nil, literal{}, fmt.Errorf("not a valid RE2 regular expression: %s", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		}
		return out, literal{}, nil
	}
	return out, requiredLiteral(re), nil
}

// requiredLiteral finds the longest literal among the parts of a pattern
// that every match must contain (the pieces of a top-level sequence). A
// case-insensitive literal is kept only when it is ASCII.
func requiredLiteral(re *syntax.Regexp) literal {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	var best literal
	for _, p := range parts {
		if p.Op != syntax.OpLiteral || len(p.Rune) <= len(best.text) {
			continue
		}
		fold := p.Flags&syntax.FoldCase != 0
		text := string(p.Rune)
		ascii := true
		for _, r := range p.Rune {
			ascii = ascii && r < utf8.RuneSelf
		}
		if fold && !ascii {
			continue
		}
		if fold {
			text = strings.ToLower(text)
		}
		best = literal{text: text, fold: fold}
	}
	return best
}

// mayMatch reports whether v contains the literal; false means the
// pattern cannot match v. A case-insensitive literal is only checked
// against ASCII values (RE2 folds K with the Kelvin sign, s with ſ).
func (l *literal) mayMatch(v string) bool {
	if l.text == "" {
		return true
	}
	if !l.fold {
		return strings.Contains(v, l.text)
	}
	n := len(l.text)
	first := l.text[0]
	upper := first
	if first >= 'a' && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+n <= len(v); i++ {
		c := v[i]
		if c >= utf8.RuneSelf {
			return true // not ASCII: let the regular expression decide
		}
		if c != first && c != upper {
			continue
		}
		if asciiFoldEqual(v[i:i+n], l.text) {
			return true
		}
	}
	for i := max(len(v)-n+1, 0); i < len(v); i++ {
		if v[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// asciiFoldEqual compares s with the lower-case lower, ignoring ASCII
// case; a non-ASCII byte in s counts as equal (the caller lets the
// regular expression decide then).
func asciiFoldEqual(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] && c < utf8.RuneSelf {
			return false
		}
	}
	return true
}

// unsupported names a Python construct RE2 has no equivalent of.
func unsupported(p string) string {
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			n := p[i+1]
			// \1 to \99 refer back to a group; three octal digits are a
			// character (as in RE2).
			if !inClass && n >= '1' && n <= '9' && !(i+3 < len(p) && isOctal(p[i+1]) && isOctal(p[i+2]) && isOctal(p[i+3])) {
				return fmt.Sprintf("it uses the backreference \\%c", n)
			}
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			// A ] right after [ or [^ is a literal.
			if i+1 < len(p) && p[i+1] == '^' {
				i++
			}
			if i+1 < len(p) && p[i+1] == ']' {
				i++
			}
		case c == '(' && strings.HasPrefix(p[i:], "(?"):
			rest := p[i+2:]
			switch {
			case strings.HasPrefix(rest, "="):
				return "it uses a lookahead (?=...)"
			case strings.HasPrefix(rest, "!"):
				return "it uses a negative lookahead (?!...)"
			case strings.HasPrefix(rest, "<="):
				return "it uses a lookbehind (?<=...)"
			case strings.HasPrefix(rest, "<!"):
				return "it uses a negative lookbehind (?<!...)"
			case strings.HasPrefix(rest, "P="):
				return "it uses a named backreference (?P=...)"
			case strings.HasPrefix(rest, ">"):
				return "it uses an atomic group (?>...)"
			case strings.HasPrefix(rest, "("):
				return "it uses a conditional group (?(...)...)"
			case strings.HasPrefix(rest, "#"):
				return "it uses a comment group (?#...)"
			}
		case (c == '+') && i > 0 && isQuantifierEnd(p, i-1):
			return "it uses a possessive quantifier (" + string(p[i-1]) + "+)"
		}
	}
	return ""
}

// isQuantifierEnd reports whether p[i] ends a quantifier (*, +, ?, {m,n})
// that is not itself escaped or part of a lazy/possessive suffix.
func isQuantifierEnd(p string, i int) bool {
	switch p[i] {
	case '*', '+', '?', '}':
	default:
		return false
	}
	// count backslashes before p[i]
	bs := 0
	for j := i - 1; j >= 0 && p[j] == '\\'; j-- {
		bs++
	}
	if bs%2 == 1 {
		return false
	}
	if p[i] == '?' || p[i] == '+' { // "a??+" or "a++" — only a quantifier if something precedes it
		return i > 0 && p[i-1] != '(' && p[i-1] != '|' && !isQuantifierEnd(p, i-1)
	}
	if p[i] == '*' {
		return i > 0 && p[i-1] != '(' && p[i-1] != '|'
	}
	return strings.LastIndexByte(p[:i], '{') >= 0
}

// translatePython rewrites $ and \Z outside character classes (see the
// package comment above). A pattern that turns MULTILINE on keeps its $.
func translatePython(p string) string {
	multiline := false
	if strings.HasPrefix(p, "(?") {
		if end := strings.IndexByte(p, ')'); end > 0 && !strings.Contains(p[2:end], ":") {
			multiline = strings.Contains(p[2:end], "m")
		}
	}
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			switch {
			case !inClass && p[i+1] == 'Z':
				b.WriteString(`\z`)
			case p[i+1] == 'u' && isHex(p[i+2:], 4):
				// Python's \uXXXX and \UXXXXXXXX are RE2's \x{...}.
				b.WriteString(`\x{` + p[i+2:i+6] + `}`)
				i += 4
			case p[i+1] == 'U' && isHex(p[i+2:], 8):
				b.WriteString(`\x{` + p[i+2:i+10] + `}`)
				i += 8
			default:
				b.WriteByte(c)
				b.WriteByte(p[i+1])
			}
			i++
			continue
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			b.WriteByte(c)
			if i+1 < len(p) && p[i+1] == '^' {
				i++
				b.WriteByte('^')
			}
			if i+1 < len(p) && p[i+1] == ']' {
				i++
				b.WriteString(`\]`)
			}
			continue
		case c == '$' && !multiline:
			b.WriteString(`(?:\n?\z)`)
			continue
		case c == '{' && i+2 < len(p) && p[i+1] == ',' && isRepeatTail(p[i+2:]):
			// Python reads {,n} as {0,n}; RE2 as text.
			b.WriteString("{0")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// trimDotStar drops a leading and a trailing .* (or .*?) from a pattern,
// and from each branch of a top-level alternation.
func trimDotStar(re *syntax.Regexp) *syntax.Regexp {
	isDotStar := func(r *syntax.Regexp) bool {
		return r.Op == syntax.OpStar && len(r.Sub) == 1 && (r.Sub[0].Op == syntax.OpAnyCharNotNL || r.Sub[0].Op == syntax.OpAnyChar)
	}
	switch re.Op {
	case syntax.OpAlternate:
		for i, s := range re.Sub {
			re.Sub[i] = trimDotStar(s)
		}
		return re
	case syntax.OpCapture:
		// A group around everything changes nothing for a yes/no answer.
		return trimDotStar(re.Sub[0])
	case syntax.OpConcat:
		sub := re.Sub
		for len(sub) > 1 && isDotStar(sub[0]) {
			sub = sub[1:]
		}
		for len(sub) > 1 && isDotStar(sub[len(sub)-1]) {
			sub = sub[:len(sub)-1]
		}
		if len(sub) == 1 {
			return sub[0]
		}
		re.Sub = sub
		return re
	}
	if isDotStar(re) {
		return &syntax.Regexp{Op: syntax.OpEmptyMatch}
	}
	return re
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// isHex reports whether s starts with n hexadecimal digits.
func isHex(s string, n int) bool {
	if len(s) < n {
		return false
	}
	for i := 0; i < n; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// isRepeatTail reports whether s starts with digits and a closing brace.
func isRepeatTail(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < len(s) && s[i] == '}'
}
