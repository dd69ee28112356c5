package chunks

import (
	"fmt"
	"testing"
)

func (l *Layout) String() string {
	s := ""
	for _, c := range l.Chunks {
		s += fmt.Sprintf("[%d:%d+%d v%d]", c.Seq, c.Start, c.N, c.Ver)
	}
	return s
}

func TestFullLayout(t *testing.T) {
	if got := FullLayout(25000).String(); got != "[0:0+10000 v0][1:10000+10000 v0][2:20000+5000 v0]" {
		t.Errorf("FullLayout = %s", got)
	}
	if got := FullLayout(0).String(); got != "" {
		t.Errorf("empty = %s", got)
	}
}

func TestGrow(t *testing.T) {
	l := FullLayout(20500) // last chunk 500 rows: small, rewritten with new rows
	if d := l.Grow(20600); fmt.Sprint(d) != "[2]" || l.String() != "[0:0+10000 v0][1:10000+10000 v0][2:20000+600 v1]" {
		t.Fatalf("small tail: dirty %v layout %s", d, l)
	}
	l = FullLayout(25000) // last chunk 5,000 rows: left alone, a new chunk starts
	if d := l.Grow(25010); fmt.Sprint(d) != "[3]" || l.String() != "[0:0+10000 v0][1:10000+10000 v0][2:20000+5000 v0][3:25000+10 v0]" {
		t.Fatalf("big tail: dirty %v layout %s", d, l)
	}
	if l.Chunks[3].Start != 25000 || l.Chunks[3].N != 10 {
		t.Fatalf("new chunk = %+v", l.Chunks[3])
	}
	if d := l.Grow(25000); d != nil {
		t.Errorf("no growth, dirty %v", d)
	}
	// A large append makes full chunks.
	l = FullLayout(0)
	if d := l.Grow(23000); fmt.Sprint(d) != "[0 1 2]" || l.Total() != 23000 {
		t.Errorf("large append: %v %s", d, l)
	}
}

// A steady trickle never rewrites more than TailMax old rows per append,
// and the number of chunks stays near total/Rows.
func TestGrowTrickle(t *testing.T) {
	l := FullLayout(0)
	total, rewritten := 0, 0
	for step := range 5000 {
		add := 1 + step%700
		before := map[int]int{}
		for _, c := range l.Chunks {
			before[c.Seq] = c.N
		}
		total += add
		for _, ci := range l.Grow(total) {
			c := l.Chunks[ci]
			if old, ok := before[c.Seq]; ok && c.N-old == add && old > TailMax {
				t.Fatalf("step %d rewrote a chunk of %d old rows", step, old)
			}
			rewritten += c.N
		}
		if l.Total() != total {
			t.Fatalf("total %d, want %d", l.Total(), total)
		}
		for i := 1; i < len(l.Chunks); i++ {
			if l.Chunks[i].Start != l.Chunks[i-1].Start+l.Chunks[i-1].N {
				t.Fatalf("gap at %d: %s", i, l)
			}
		}
	}
	if max := total/Rows + MaxSmall + 2; len(l.Chunks) > max {
		t.Errorf("%d chunks for %d rows (max %d)", len(l.Chunks), total, max)
	}
	if rewritten > 6*total {
		t.Errorf("wrote %d rows to append %d", rewritten, total)
	}
	for _, pos := range []int{0, total / 2, total - 1} {
		c := l.Chunks[l.Containing(pos)]
		if pos < c.Start || pos >= c.Start+c.N {
			t.Errorf("Containing(%d) = %+v", pos, c)
		}
	}
	if l.Containing(total) != -1 {
		t.Error("Containing past the end")
	}
}
