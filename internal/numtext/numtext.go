// Package numtext writes numbers as the command line shows them to people.
package numtext

import "strconv"

// Thousands writes n in decimal with a comma between each group of three
// digits: 1234567 → "1,234,567". A negative number keeps its sign in front
// of the grouped digits.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}
