package scan

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds a small decoder for the one shape every JSON-lines file of a
// scan directory uses: a flat object whose values are strings, numbers,
// booleans or null. It is several times faster than encoding/json on that
// shape, allocates nothing for keys, and is lenient where a scanner's output
// is usually wrong but still clear (raw control characters inside strings).
// Nested values are accepted and skipped. For every input encoding/json
// accepts, it yields the same strings (see the fuzz test).

type valueKind uint8

const (
	kindString valueKind = iota
	kindNumber
	kindBool
	kindNull
	kindOther // object or array: skipped
)

// flatValue is one value of a flat object. For strings, b holds the decoded
// text (valid UTF-8); for numbers, the literal. b is only valid until the next
// call into the decoder.
type flatValue struct {
	kind valueKind
	b    []byte
	bit  bool
}

type flatDecoder struct {
	s       []byte
	i       int
	scratch []byte
}

// decode walks the object in line and calls field for each member in order.
func (d *flatDecoder) decode(line []byte, field func(key []byte, v flatValue) error) error {
	d.s, d.i = line, 0
	d.scratch = d.scratch[:0]
	d.ws()
	if !d.eat('{') {
		// The caller says "not a JSON object"; say where and what instead.
		if c := d.peek(); c >= 0x20 && c < 0x7f {
			return d.errf("expected '{', found %q", rune(c))
		}
		return d.errf("expected '{', found byte 0x%02x", d.peek())
	}
	d.ws()
	if d.eat('}') {
		return d.end()
	}
	var key []byte
	for {
		d.ws()
		if d.peek() != '"' {
			return d.errf("expected a quoted key")
		}
		// Keys are decoded into scratch; values decoded later append after them.
		k, err := d.str()
		if err != nil {
			return err
		}
		key = k
		d.ws()
		if !d.eat(':') {
			return d.errf("expected ':' after key")
		}
		d.ws()
		v, err := d.value()
		if err != nil {
			return err
		}
		if err := field(key, v); err != nil {
			return err
		}
		d.scratch = d.scratch[:0]
		d.ws()
		if d.eat(',') {
			continue
		}
		if d.eat('}') {
			return d.end()
		}
		return d.errf("expected ',' or '}'")
	}
}

func (d *flatDecoder) end() error {
	d.ws()
	if d.i != len(d.s) {
		return d.errf("unexpected text after the object")
	}
	return nil
}

func (d *flatDecoder) errf(format string, args ...any) error {
	return fmt.Errorf("column %d: %s", d.i+1, fmt.Sprintf(format, args...))
}

func (d *flatDecoder) peek() byte {
	if d.i < len(d.s) {
		return d.s[d.i]
	}
	return 0
}

func (d *flatDecoder) eat(c byte) bool {
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

func (d *flatDecoder) ws() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\r', '\n':
			d.i++
		default:
			return
		}
	}
}

func (d *flatDecoder) value() (flatValue, error) {
	switch c := d.peek(); {
	case c == '"':
		b, err := d.str()
		return flatValue{kind: kindString, b: b}, err
	case c == '-' || c >= '0' && c <= '9':
		b, err := d.number()
		return flatValue{kind: kindNumber, b: b}, err
	case c == 't':
		return flatValue{kind: kindBool, bit: true}, d.literal("true")
	case c == 'f':
		return flatValue{kind: kindBool}, d.literal("false")
	case c == 'n':
		return flatValue{kind: kindNull}, d.literal("null")
	case c == '{' || c == '[':
		return flatValue{kind: kindOther}, d.skipNested()
	case c == 0 && d.i >= len(d.s):
		return flatValue{}, d.errf("the line ends where a value was expected")
	default:
		return flatValue{}, d.errf("unexpected character %q", c)
	}
}

func (d *flatDecoder) literal(word string) error {
	if len(d.s)-d.i >= len(word) && string(d.s[d.i:d.i+len(word)]) == word {
		d.i += len(word)
		return nil
	}
	return d.errf("invalid literal")
}

func (d *flatDecoder) number() ([]byte, error) {
	start := d.i
	d.eat('-')
	if d.eat('0') {
		// a leading zero stands alone
	} else if !d.digits() {
		return nil, d.errf("invalid number")
	}
	if d.eat('.') && !d.digits() {
		return nil, d.errf("invalid number")
	}
	if c := d.peek(); c == 'e' || c == 'E' {
		d.i++
		if c := d.peek(); c == '+' || c == '-' {
			d.i++
		}
		if !d.digits() {
			return nil, d.errf("invalid number")
		}
	}
	return d.s[start:d.i], nil
}

func (d *flatDecoder) digits() bool {
	start := d.i
	for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
		d.i++
	}
	return d.i > start
}

// skipNested skips an object or array, checking brackets and strings.
func (d *flatDecoder) skipNested() error {
	depth := 0
	for d.i < len(d.s) {
		switch c := d.s[d.i]; c {
		case '"':
			mark := len(d.scratch)
			if _, err := d.str(); err != nil {
				return err
			}
			d.scratch = d.scratch[:mark]
			continue
		case '{', '[':
			depth++
			if depth > 1000 {
				return d.errf("nested too deeply")
			}
		case '}', ']':
			depth--
			if depth == 0 {
				d.i++
				return nil
			}
		}
		d.i++
	}
	return d.errf("unterminated object or array")
}

// str decodes a string starting at the opening quote. The result is a view
// into the line when the string has no escapes and is valid UTF-8, otherwise
// into scratch. Invalid UTF-8 becomes U+FFFD, as in encoding/json; raw
// control characters are kept (encoding/json would refuse the line).
func (d *flatDecoder) str() ([]byte, error) {
	d.i++ // opening quote
	start := d.i
	// Fast path: plain ASCII without escapes.
	for d.i < len(d.s) {
		c := d.s[d.i]
		if c == '"' {
			d.i++
			return d.s[start : d.i-1], nil
		}
		if c == '\\' || c >= utf8.RuneSelf {
			break
		}
		d.i++
	}
	mark := len(d.scratch)
	d.scratch = append(d.scratch, d.s[start:d.i]...)
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return d.scratch[mark:], nil
		case c == '\\':
			if err := d.escape(); err != nil {
				return nil, err
			}
		case c < utf8.RuneSelf:
			d.scratch = append(d.scratch, c)
			d.i++
		default:
			r, size := utf8.DecodeRune(d.s[d.i:])
			if r == utf8.RuneError && size == 1 {
				d.scratch = utf8.AppendRune(d.scratch, utf8.RuneError)
			} else {
				d.scratch = append(d.scratch, d.s[d.i:d.i+size]...)
			}
			d.i += size
		}
	}
	return nil, d.errf("unterminated string")
}

func (d *flatDecoder) escape() error {
	if d.i+1 >= len(d.s) {
		return d.errf("unterminated escape")
	}
	c := d.s[d.i+1]
	d.i += 2
	switch c {
	case '"', '\\', '/':
		d.scratch = append(d.scratch, c)
	case 'b':
		d.scratch = append(d.scratch, '\b')
	case 'f':
		d.scratch = append(d.scratch, '\f')
	case 'n':
		d.scratch = append(d.scratch, '\n')
	case 'r':
		d.scratch = append(d.scratch, '\r')
	case 't':
		d.scratch = append(d.scratch, '\t')
	case 'u':
		r, ok := d.hex4()
		if !ok {
			return d.errf("invalid \\u escape")
		}
		if utf16.IsSurrogate(r) {
			// A high surrogate followed by a low one is one rune; anything
			// else is replaced, as encoding/json does.
			if d.i+1 < len(d.s) && d.s[d.i] == '\\' && d.s[d.i+1] == 'u' {
				save := d.i
				d.i += 2
				if r2, ok := d.hex4(); ok {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						d.scratch = utf8.AppendRune(d.scratch, dec)
						return nil
					}
				}
				d.i = save
			}
			r = utf8.RuneError
		}
		d.scratch = utf8.AppendRune(d.scratch, r)
	default:
		return d.errf("invalid escape \\%c", c)
	}
	return nil
}

func (d *flatDecoder) hex4() (rune, bool) {
	if d.i+4 > len(d.s) {
		return 0, false
	}
	var r rune
	for _, c := range d.s[d.i : d.i+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	d.i += 4
	return r, true
}
