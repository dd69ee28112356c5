package sample

import (
	"strconv"
	"strings"
)

// Values are derived from numeric keys, so a pool of discovered elements only
// has to remember (element number, key) and any child can recompute what its
// parent holds: the host of a URL, the IP address of a port, and so on.

// mix is splitmix64's finaliser: a fixed, well-spread hash of a key.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func appendUint(b []byte, n uint64) []byte { return strconv.AppendUint(b, n, 10) }

func appendHex(b []byte, n uint64, digits int) []byte {
	const hexd = "0123456789abcdef"
	for i := digits - 1; i >= 0; i-- {
		b = append(b, hexd[(n>>(4*uint(i)))&0xF])
	}
	return b
}

// appendHostLabel appends the part of host k that precedes the base domain.
// Host 0 is the base domain itself and has no label.
func appendHostLabel(b []byte, k uint64) []byte {
	i := k - 1
	L := uint64(len(hostLabels))
	b = append(b, hostLabels[i%L]...)
	if q := i / L; q > 0 {
		b = appendUint(b, q+1)
		if q%5 == 3 {
			b = append(b, '.')
			b = append(b, hostEnvs[(q/5)%uint64(len(hostEnvs))]...)
		}
	}
	return b
}

// host appends host name k: the base domain for 0, else a sub-domain of it.
func (g *gen) host(b []byte, k uint64) []byte {
	if k == 0 {
		return append(b, g.base...)
	}
	b = appendHostLabel(b, k)
	b = append(b, '.')
	return append(b, g.base...)
}

// ip appends IPv4 address k. Key 0 is the target when the target is an IP
// address; other keys fall into one of the provider net blocks.
func (g *gen) ip(b []byte, k uint64) []byte {
	if k == 0 && g.targetIsIP {
		return append(b, g.o.Target...)
	}
	nb, off := g.ipParts(k)
	blk := &netblocks[nb]
	size := uint64(1) << (32 - blk.bits)
	off %= size
	v := uint64(blk.a)<<24 | uint64(blk.b)<<16 | off
	if v&0xFF == 0 || v&0xFF == 255 {
		v = (v &^ 0xFF) | (1 + (off>>8)%200)
	}
	b = appendUint(b, v>>24)
	b = append(b, '.')
	b = appendUint(b, (v>>16)&0xFF)
	b = append(b, '.')
	b = appendUint(b, (v>>8)&0xFF)
	b = append(b, '.')
	return appendUint(b, v&0xFF)
}

// ipParts returns the net block of IP k and its offset in the block.
func (g *gen) ipParts(k uint64) (int, uint64) {
	if k == 0 && g.targetIsIP {
		return 3, 0 // the target is hosted at "Hetzner"
	}
	h := mix(k ^ g.salt)
	// Hosting concentrates: the first blocks are the favourites.
	nb := int(h % 16)
	if nb >= len(netblocks) {
		nb %= 3
	}
	return nb, h >> 8
}

func (g *gen) ip6(b []byte, k uint64) []byte {
	h := mix(k ^ g.salt ^ 0x66)
	b = append(b, "2001:db8:"...)
	b = appendHex(b, h>>48, 4)
	b = append(b, ':')
	b = appendHex(b, (h>>32)&0xFFFF, 4)
	b = append(b, "::"...)
	return appendHex(b, h&0xFFF, 3)
}

// appendPath appends the path (and query) of internal page p.
func appendPath(b []byte, p uint64) []byte {
	S := uint64(len(sections))
	sec := sections[p%S]
	r := p / S
	b = append(b, '/')
	if sec == "" {
		if r%4 == 0 {
			return b
		}
		b = append(b, "index.php?page="...)
		return appendUint(b, r%97)
	}
	b = append(b, sec...)
	switch sec {
	case "blog", "news":
		b = append(b, "/20"...)
		b = appendUint(b, 19+r%8)
		b = append(b, '/')
		b = appendUint(b, 10+r%3)
		b = append(b, "/post-"...)
		return appendUint(b, r%5000)
	case "products", "docs", "downloads":
		b = append(b, '/')
		b = append(b, nouns[r%uint64(len(nouns))]...)
		b = append(b, '-')
		b = appendUint(b, r%2000)
		if sec == "downloads" {
			return append(b, ".pdf"...)
		}
		return append(b, ".html"...)
	case "search":
		b = append(b, "?q="...)
		b = append(b, adjectives[r%uint64(len(adjectives))]...)
		b = append(b, "+"...)
		return append(b, nouns[(r/7)%uint64(len(nouns))]...)
	case "static", "assets":
		b = append(b, "/js/app."...)
		b = appendHex(b, mix(r), 8)
		return append(b, ".js"...)
	case "api/v1":
		b = append(b, '/')
		b = append(b, nouns[r%uint64(len(nouns))]...)
		b = append(b, "?id="...)
		return appendUint(b, r%100000)
	}
	if r%3 == 0 {
		return b
	}
	b = append(b, '/')
	b = append(b, adjectives[r%uint64(len(adjectives))]...)
	return append(b, ".html"...)
}

// url appends internal URL k: host k>>24, page k&(1<<24-1).
func (g *gen) url(b []byte, k uint64) []byte {
	if mix(k)%11 == 0 {
		b = append(b, "http://"...)
	} else {
		b = append(b, "https://"...)
	}
	b = g.host(b, k>>24)
	return appendPath(b, k&(1<<24-1))
}

// appendAffHost appends external host a: a third party for small a, else a
// partner or supplier domain.
func appendAffHost(b []byte, a uint64) []byte {
	if a < uint64(len(thirdParties)) {
		return append(b, thirdParties[a]...)
	}
	a -= uint64(len(thirdParties))
	b = append(b, "www."...)
	b = append(b, adjectives[a%uint64(len(adjectives))]...)
	b = append(b, '-')
	b = append(b, nouns[(a/uint64(len(adjectives)))%uint64(len(nouns))]...)
	if q := a / uint64(len(adjectives)*len(nouns)); q > 0 {
		b = appendUint(b, q)
	}
	return append(b, cohostTLDs[a%uint64(len(cohostTLDs))]...)
}

// appendExtURL appends external URL k: host k>>20, page k&(1<<20-1).
func appendExtURL(b []byte, k uint64) []byte {
	b = append(b, "https://"...)
	b = appendAffHost(b, k>>20)
	return appendPath(b, k&(1<<20-1))
}

// appendCohost appends co-hosted site c.
func appendCohost(b []byte, c uint64) []byte {
	b = append(b, adjectives[c%uint64(len(adjectives))]...)
	b = append(b, nouns[(c/3)%uint64(len(nouns))]...)
	if q := c / 31; q > 0 {
		b = appendUint(b, q)
	}
	return append(b, cohostTLDs[(c/5)%uint64(len(cohostTLDs))]...)
}

// person returns the first and last name of person p.
func person(p uint64) (first, last string, n uint64) {
	F, L := uint64(len(firstNames)), uint64(len(lastNames))
	first = firstNames[p%F]
	last = lastNames[(p/F+p*7)%L]
	return first, last, p / (F * L)
}

func appendHumanName(b []byte, p uint64) []byte {
	first, last, n := person(p)
	b = append(b, first...)
	b = append(b, ' ')
	if n > 0 {
		b = append(b, byte('A'+(n-1)%26), '.', ' ')
	}
	return append(b, last...)
}

// appendMailName appends s lower-cased with the few non-ASCII letters of the
// name lists folded, as mail systems do.
func appendMailName(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r+'a'-'A'))
		case r == 'é':
			b = append(b, 'e')
		case r == 'ö':
			b = append(b, 'o')
		case r == 'ü':
			b = append(b, 'u')
		case r == '\'':
		default:
			if r < 0x80 {
				b = append(b, byte(r))
			}
		}
	}
	return b
}

// Email keys: 0 is the target address (for e-mail targets); otherwise
// key-1 = person<<2 | style, where style 3 is a role mailbox.
func (g *gen) email(b []byte, k uint64) []byte {
	if k == 0 && g.targetIsEmail {
		return append(b, g.o.Target...)
	}
	if k == 0 {
		k = 1
	}
	p, style := (k-1)>>2, (k-1)&3
	first, last, n := person(p)
	switch style {
	case 0:
		b = appendMailName(b, first)
		b = append(b, '.')
		b = appendMailName(b, last)
	case 1:
		b = appendMailName(b, first[:1])
		b = append(b, '.')
		b = appendMailName(b, last)
	case 2:
		b = appendMailName(b, first)
		b = appendMailName(b, last[:1])
	default:
		b = append(b, mailboxes[p%uint64(len(mailboxes))]...)
		n = 0
	}
	if n > 0 {
		b = appendUint(b, n)
	}
	b = append(b, '@')
	return append(b, g.base...)
}

// emailPerson is the person behind an e-mail key.
func (g *gen) emailPerson(k uint64) uint64 {
	if k == 0 {
		return g.targetPerson
	}
	return (k - 1) >> 2
}

func appendUsername(b []byte, p uint64) []byte {
	first, last, n := person(p)
	switch p % 3 {
	case 0:
		b = appendMailName(b, first[:1])
		b = appendMailName(b, last)
	case 1:
		b = appendMailName(b, first)
		b = append(b, '-')
		b = appendMailName(b, last)
	default:
		b = appendMailName(b, first)
		b = appendMailName(b, last[:1])
	}
	if n > 0 {
		b = appendUint(b, n)
	}
	return b
}

// companyName turns a domain into a display name: acme-corp.example → Acme Corp.
func companyName(domain string) string {
	label := domain
	if i := strings.IndexByte(label, '.'); i > 0 {
		label = label[:i]
	}
	parts := strings.FieldsFunc(label, func(r rune) bool { return r == '-' || r == '_' })
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	if len(parts) == 0 {
		return domain
	}
	return strings.Join(parts, " ")
}
