package graph

import (
	"math"
	"strconv"
	"testing"
)

// lab converts an sRGB colour "#rrggbb" to CIELAB (D65).
func lab(hex string) [3]float64 {
	c := [3]float64{}
	for i := range 3 {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		x := float64(v) / 255
		if x <= 0.04045 {
			x /= 12.92
		} else {
			x = math.Pow((x+0.055)/1.055, 2.4)
		}
		c[i] = x
	}
	r, g, b := c[0], c[1], c[2]
	x := (0.4124564*r + 0.3575761*g + 0.1804375*b) / 0.95047
	y := 0.2126729*r + 0.7151522*g + 0.0721750*b
	z := (0.0193339*r + 0.1191920*g + 0.9503041*b) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// ciede2000 is the CIEDE2000 colour difference (Sharma, Wu, Dalal 2005).
func ciede2000(p, q [3]float64) float64 {
	deg := math.Pi / 180
	c1, c2 := math.Hypot(p[1], p[2]), math.Hypot(q[1], q[2])
	cb := (c1 + c2) / 2
	g := 0.5 * (1 - math.Sqrt(math.Pow(cb, 7)/(math.Pow(cb, 7)+math.Pow(25, 7))))
	a1, a2 := (1+g)*p[1], (1+g)*q[1]
	c1p, c2p := math.Hypot(a1, p[2]), math.Hypot(a2, q[2])
	hue := func(b, a float64) float64 {
		if a == 0 && b == 0 {
			return 0
		}
		h := math.Atan2(b, a) / deg
		if h < 0 {
			h += 360
		}
		return h
	}
	h1, h2 := hue(p[2], a1), hue(q[2], a2)
	dL, dC := q[0]-p[0], c2p-c1p
	dh := 0.0
	if c1p*c2p != 0 {
		dh = h2 - h1
		if dh > 180 {
			dh -= 360
		} else if dh < -180 {
			dh += 360
		}
	}
	dH := 2 * math.Sqrt(c1p*c2p) * math.Sin(dh/2*deg)
	lb, cbp := (p[0]+q[0])/2, (c1p+c2p)/2
	hb := h1 + h2
	if c1p*c2p != 0 {
		switch {
		case math.Abs(h1-h2) <= 180:
			hb = (h1 + h2) / 2
		case h1+h2 < 360:
			hb = (h1 + h2 + 360) / 2
		default:
			hb = (h1 + h2 - 360) / 2
		}
	}
	t := 1 - 0.17*math.Cos((hb-30)*deg) + 0.24*math.Cos(2*hb*deg) + 0.32*math.Cos((3*hb+6)*deg) - 0.20*math.Cos((4*hb-63)*deg)
	dth := 30 * math.Exp(-math.Pow((hb-275)/25, 2))
	rc := 2 * math.Sqrt(math.Pow(cbp, 7)/(math.Pow(cbp, 7)+math.Pow(25, 7)))
	sl := 1 + 0.015*math.Pow(lb-50, 2)/math.Sqrt(20+math.Pow(lb-50, 2))
	sc := 1 + 0.045*cbp
	sh := 1 + 0.015*cbp*t
	rt := -math.Sin(2*dth*deg) * rc
	return math.Sqrt(math.Pow(dL/sl, 2) + math.Pow(dC/sc, 2) + math.Pow(dH/sh, 2) + rt*(dC/sc)*(dH/sh))
}

// Pairs from Sharma, Wu and Dalal's CIEDE2000 test data.
func TestCIEDE2000(t *testing.T) {
	for _, c := range []struct {
		p, q [3]float64
		want float64
	}{
		{[3]float64{50, 2.6772, -79.7751}, [3]float64{50, 0, -82.7485}, 2.0425},
		{[3]float64{50, -1.3802, -84.2814}, [3]float64{50, 0, -82.7485}, 1.0000},
		{[3]float64{50, 0, 0}, [3]float64{50, -1, 2}, 2.3669},
		{[3]float64{50, 2.5, 0}, [3]float64{73, 25, -18}, 27.1492},
		{[3]float64{60.2574, -34.0099, 36.2677}, [3]float64{60.4626, -34.1751, 39.4387}, 1.2644},
		{[3]float64{22.7233, 20.0904, -46.694}, [3]float64{23.0331, 14.973, -42.5619}, 2.0373},
		{[3]float64{2.0776, 0.0795, -1.135}, [3]float64{0.9033, -0.0636, -0.5514}, 0.9082},
	} {
		if got := ciede2000(c.p, c.q); math.Abs(got-c.want) > 1e-4 {
			t.Errorf("ΔE00(%v, %v) = %.4f, want %.4f", c.p, c.q, got, c.want)
		}
	}
}

// minDistance is the smallest CIEDE2000 difference between any two of
// the colours.
func minDistance(colours []string) (float64, string, string) {
	best, a, b := math.Inf(1), "", ""
	for i := range colours {
		for j := i + 1; j < len(colours); j++ {
			if d := ciede2000(lab(colours[i]), lab(colours[j])); d < best {
				best, a, b = d, colours[i], colours[j]
			}
		}
	}
	return best, a, b
}

// TestPaletteDistance measures the palette as the graph uses it: the
// first k types' colours with the target red and the "more" grey on the
// screen at once. docs/graphs.md quotes these figures.
func TestPaletteDistance(t *testing.T) {
	if len(palette) != 32 {
		t.Fatalf("%d colours", len(palette))
	}
	for _, k := range []int{8, 12, 16, 20, 24, 32} {
		shown := append([]string{TargetColor, GroupColor}, palette[:k]...)
		d, a, b := minDistance(shown)
		t.Logf("%2d types: minimum ΔE00 %.1f (%s vs %s)", k, d, a, b)
		// Far above the ~2.3 of a just-noticeable difference; 10+ reads as
		// a different colour at a glance.
		if d < 15 {
			t.Errorf("%d types: minimum ΔE00 %.1f between %s and %s", k, d, a, b)
		}
	}
	// Every colour is also far from the white background.
	for _, c := range palette {
		if d := ciede2000(lab(c), lab("#ffffff")); d < 20 {
			t.Errorf("%s is %.1f from white", c, d)
		}
	}
}
