package exports

import "testing"

// The Updated column rounds like SpiderFoot's ROUND(generated): to the
// nearest second, half up; 0 (unknown) stays empty.
func TestCSVTimeRounds(t *testing.T) {
	base := int64(1763632800000) // 2025-11-20 10:00:00 UTC
	for ms, want := range map[int64]string{
		base:       "2025-11-20 10:00:00",
		base + 499: "2025-11-20 10:00:00",
		base + 500: "2025-11-20 10:00:01",
		base + 999: "2025-11-20 10:00:01",
		0:          "",
	} {
		if got := csvTime(ms); got != want {
			t.Errorf("csvTime(%d) = %q, want %q", ms, got, want)
		}
	}
}
