package scan

import (
	"fmt"
	"strconv"
)

// MaxIDLen is the longest scan id accepted.
const MaxIDLen = 128

// ValidID reports whether id may name a scan directory: 1 to 128 characters
// from [A-Za-z0-9._-], starting with a letter or digit. Such an id is safe as a
// single path element and in URLs, so it is used as both.
func ValidID(id string) error {
	if id == "" {
		return fmt.Errorf("scan id is empty")
	}
	if len(id) > MaxIDLen {
		return fmt.Errorf("scan id is %d characters long; at most %d are allowed", len(id), MaxIDLen)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if i == 0 && !alnum {
			return fmt.Errorf("scan id %s must start with a letter or digit", strconv.QuoteToASCII(id))
		}
		if !alnum && c != '.' && c != '_' && c != '-' {
			return fmt.Errorf("scan id %s may only contain letters, digits, '.', '_' and '-'", strconv.QuoteToASCII(id))
		}
	}
	return nil
}
