package correlate

import (
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SpiderFoot reads rules with PyYAML's safe_load, which follows YAML 1.1:
// a plain (unquoted) yes, off or 0x1F is a bool or an int there, and the
// engine compares str() of each value. go.yaml.in/yaml/v3 follows YAML 1.2,
// so plain scalars are resolved here the way PyYAML does, and turned into
// the text Python's str() gives, so that a rule matches the same values.

// pyKind is the Python type a scalar becomes.
type pyKind uint8

const (
	pyStr pyKind = iota
	pyInt
	pyFloat
	pyBool
	pyNull
	pyTime
)

func (k pyKind) String() string {
	return [...]string{"a string", "an integer", "a number", "a boolean", "null", "a timestamp"}[k]
}

// pyValue is a scalar as PyYAML constructs it.
type pyValue struct {
	kind pyKind
	str  string  // Python's str() of the value
	num  float64 // for ints and floats
	b    bool
}

// PyYAML's implicit resolvers (resolver.py), in its order of precedence.
var (
	pyBoolRe  = regexp.MustCompile(`^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`)
	pyFloatRe = regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	pyIntRe   = regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	pyNullRe  = regexp.MustCompile(`^(?:~|null|Null|NULL|)$`)
	pyTimeRe  = regexp.MustCompile(`^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$`)
)

// pyScalar constructs a scalar node as PyYAML's safe_load would.
func pyScalar(n *yaml.Node) (pyValue, error) {
	v := n.Value
	tag := ""
	switch {
	case n.Style&yaml.TaggedStyle != 0:
		tag = n.ShortTag()
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		tag = "!!str"
	case pyBoolRe.MatchString(v):
		tag = "!!bool"
	case pyFloatRe.MatchString(v):
		tag = "!!float"
	case pyIntRe.MatchString(v):
		tag = "!!int"
	case pyNullRe.MatchString(v):
		tag = "!!null"
	case pyTimeRe.MatchString(v):
		tag = "!!timestamp"
	default:
		tag = "!!str"
	}
	switch tag {
	case "!!str":
		return pyValue{kind: pyStr, str: v}, nil
	case "!!bool":
		switch strings.ToLower(v) {
		case "yes", "true", "on":
			return pyValue{kind: pyBool, str: "True", b: true, num: 1}, nil
		case "no", "false", "off":
			return pyValue{kind: pyBool, str: "False", num: 0}, nil
		}
	case "!!int":
		if s, f, ok := constructInt(v); ok {
			return pyValue{kind: pyInt, str: s, num: f}, nil
		}
	case "!!float":
		if f, ok := constructFloat(v); ok {
			return pyValue{kind: pyFloat, str: pyFloatRepr(f), num: f}, nil
		}
	case "!!null":
		return pyValue{kind: pyNull, str: "None"}, nil
	case "!!timestamp":
		// str() of a date is the same text; a date-time keeps its text as
		// written (Python would print it as "YYYY-MM-DD HH:MM:SS").
		if pyTimeRe.MatchString(v) {
			return pyValue{kind: pyTime, str: v}, nil
		}
	default:
		return pyValue{}, fmt.Errorf("tag %s is not supported (PyYAML's safe_load refuses it too)", n.Tag)
	}
	return pyValue{}, fmt.Errorf("%q is not a valid %s", v, tag)
}

// constructInt is PyYAML's construct_yaml_int: underscores dropped, then binary,
// hex, octal (a leading 0), base-60 (1:30) or decimal. It returns Python's
// str() of the value and the value as a float.
func constructInt(v string) (string, float64, bool) {
	v = strings.ReplaceAll(v, "_", "")
	sign := ""
	if v != "" && (v[0] == '-' || v[0] == '+') {
		if v[0] == '-' {
			sign = "-"
		}
		v = v[1:]
	}
	n := new(big.Int)
	ok := true
	switch {
	case v == "":
		return "", 0, false
	case v == "0":
	case strings.HasPrefix(v, "0b"):
		_, ok = n.SetString(v[2:], 2)
	case strings.HasPrefix(v, "0x"):
		_, ok = n.SetString(v[2:], 16)
	case v[0] == '0':
		_, ok = n.SetString(v[1:], 8)
	case strings.Contains(v, ":"):
		base := big.NewInt(1)
		parts := strings.Split(v, ":")
		for i := len(parts) - 1; i >= 0; i-- {
			d, err := strconv.ParseInt(parts[i], 10, 64)
			if err != nil {
				return "", 0, false
			}
			n.Add(n, new(big.Int).Mul(big.NewInt(d), base))
			base.Mul(base, big.NewInt(60))
		}
	default:
		_, ok = n.SetString(v, 10)
	}
	if !ok {
		return "", 0, false
	}
	if sign == "-" {
		n.Neg(n)
	}
	f, _ := new(big.Float).SetInt(n).Float64()
	return n.String(), f, true
}

// constructFloat is PyYAML's construct_yaml_float.
func constructFloat(v string) (float64, bool) {
	v = strings.ToLower(strings.ReplaceAll(v, "_", ""))
	sign := 1.0
	if v != "" && (v[0] == '-' || v[0] == '+') {
		if v[0] == '-' {
			sign = -1
		}
		v = v[1:]
	}
	switch {
	case v == ".inf":
		return sign * math.Inf(1), true
	case v == ".nan":
		return math.NaN(), true
	case strings.Contains(v, ":"):
		parts := strings.Split(v, ":")
		base, f := 1.0, 0.0
		for i := len(parts) - 1; i >= 0; i-- {
			d, err := strconv.ParseFloat(parts[i], 64)
			if err != nil {
				return 0, false
			}
			f += d * base
			base *= 60
		}
		return sign * f, true
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, false
	}
	return sign * f, true
}

// pyFloatRepr is Python's repr() of a float: the shortest digits that read
// back the same, in positional notation from 1e-4 up to 1e16 (always with a
// decimal point), in exponent notation with at least two exponent digits
// otherwise.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // e.g. -1.2345e+06
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, expPart, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expPart)
	digits := strings.Replace(mant, ".", "", 1)
	decpt := exp + 1 // position of the decimal point after the first digit
	if decpt <= -4 || decpt > 16 {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if exp < 0 {
			es, exp = "-", -exp
		}
		return fmt.Sprintf("%s%se%s%02d", sign, m, es, exp)
	}
	switch {
	case decpt <= 0:
		return sign + "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		return sign + digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	default:
		return sign + digits[:decpt] + "." + digits[decpt:]
	}
}
