package numtext

import (
	"math"
	"strconv"
	"testing"
)

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{
		0: "0", 7: "7", 999: "999", 1000: "1,000", 12345: "12,345", 100000: "100,000",
		999999: "999,999", 1000000: "1,000,000", 1234567890: "1,234,567,890",
		-5: "-5", -100: "-100", -1000: "-1,000", -1234567: "-1,234,567",
		math.MaxInt64: "9,223,372,036,854,775,807", math.MinInt64: "-9,223,372,036,854,775,808",
	} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%s) = %q, want %q", strconv.Itoa(n), got, want)
		}
	}
}
