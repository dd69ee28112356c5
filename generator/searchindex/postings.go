package searchindex

// postings collects the posting lists of one run of dictionary blocks
// (trigram → blocks): an open-addressing table from key to list, and the
// lists' varints in chained chunks of an arena of pages (no slice per
// list: nothing to grow and copy, nothing for the garbage collector to
// scan). Ids arrive in increasing order; a repeat of the last id of a
// list is dropped.
type postings struct {
	ents  []plist
	n     int // keys
	shift uint
	pages [][]byte
	// size is the bytes of the lists (the shard count follows it).
	size int
}

// plist is one key's list: its first and last id, and its blocks.
type plist struct {
	key         uint64 // key | 1<<63; 0: empty
	first, last uint32
	head, tail  uint32 // arena offsets of the first and the current block
	used        uint16 // bytes used in the tail block
	class       uint8  // the tail block's size class
}

// An arena block of class c is blockSize(c) bytes: a 4-byte offset of the next
// block, then data. A list's blocks grow a class at a time up to
// maxClass; every block but the tail is full.
const (
	pageBits = 20
	maxClass = 6
)

func blockSize(c uint8) int { return 16 << c }

func newPostings() *postings {
	p := &postings{}
	p.resize(1 << 12)
	return p
}

func (p *postings) resize(n int) {
	old := p.ents
	p.ents = make([]plist, n)
	p.shift = uint(64 - bitsLen(n-1))
	mask := n - 1
	for i := range old {
		if old[i].key == 0 {
			continue
		}
		h := int((old[i].key * 0x9E3779B97F4A7C15) >> p.shift)
		for p.ents[h].key != 0 {
			h = (h + 1) & mask
		}
		p.ents[h] = old[i]
	}
}

func bitsLen(x int) int {
	n := 0
	for x > 0 {
		n++
		x >>= 1
	}
	return n
}

// find returns key's entry, nil when it has none.
func (p *postings) find(key uint64) *plist {
	k := key | 1<<63
	mask := len(p.ents) - 1
	for h := int((k * 0x9E3779B97F4A7C15) >> p.shift); ; h = (h + 1) & mask {
		switch p.ents[h].key {
		case k:
			return &p.ents[h]
		case 0:
			return nil
		}
	}
}

// alloc returns the arena offset of a new block of class c.
func (p *postings) alloc(c uint8) uint32 {
	size := blockSize(c)
	last := len(p.pages) - 1
	if last < 0 || len(p.pages[last])+size > 1<<pageBits {
		p.pages = append(p.pages, make([]byte, 0, 1<<pageBits))
		last++
	}
	off := uint32(last)<<pageBits | uint32(len(p.pages[last]))
	p.pages[last] = p.pages[last][:len(p.pages[last])+size]
	return off
}

func (p *postings) block(off uint32, c uint8) []byte {
	o := int(off & (1<<pageBits - 1))
	return p.pages[off>>pageBits][o : o+blockSize(c)]
}

// put appends one byte to e's list, chaining a new block when the tail is
// full.
func (p *postings) put(e *plist, c byte) {
	if int(e.used)+4 == blockSize(e.class) {
		next := e.class
		if next < maxClass {
			next++
		}
		off := p.alloc(next)
		b := p.block(e.tail, e.class)
		b[0], b[1], b[2], b[3] = byte(off), byte(off>>8), byte(off>>16), byte(off>>24)
		e.tail, e.class, e.used = off, next, 0
	}
	p.block(e.tail, e.class)[4+int(e.used)] = c
	e.used++
	p.size++
}

func (p *postings) putUvarint(e *plist, v uint32) {
	for v >= 0x80 {
		p.put(e, byte(v)|0x80)
		v >>= 7
	}
	p.put(e, byte(v))
}

func (p *postings) add(key uint64, id uint32) {
	k := key | 1<<63
	mask := len(p.ents) - 1
	h := int((k * 0x9E3779B97F4A7C15) >> p.shift)
	for {
		e := &p.ents[h]
		switch e.key {
		case k:
			if id == e.last {
				return
			}
			p.putUvarint(e, id-e.last)
			e.last = id
			return
		case 0:
			if (p.n+1)*2 > len(p.ents) {
				p.resize(len(p.ents) * 2)
				p.add(key, id)
				return
			}
			off := p.alloc(0)
			*e = plist{key: k, first: id, last: id, head: off, tail: off}
			p.n++
			p.putUvarint(e, id)
			return
		}
		h = (h + 1) & mask
	}
}

// appendList appends e's varints to dst, leaving out the first skip bytes.
func (p *postings) appendList(dst []byte, e *plist, skip int) []byte {
	off, c := e.head, uint8(0)
	for {
		b := p.block(off, c)
		data := b[4:]
		if off == e.tail {
			data = data[:e.used]
		}
		n := min(skip, len(data))
		dst = append(dst, data[n:]...)
		skip -= n
		if off == e.tail {
			return dst
		}
		off = uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		if c < maxClass {
			c++
		}
	}
}

// keys appends every key of p to dst.
func (p *postings) keys(dst []uint64) []uint64 {
	for i := range p.ents {
		if k := p.ents[i].key; k != 0 {
			dst = append(dst, k&^(1<<63))
		}
	}
	return dst
}

// merged appends the list of key over parts (in id order) to dst: the
// first id of each part after the first becomes a delta from the last id
// before it.
func merged(dst []byte, parts []*postings, key uint64) []byte {
	var last uint32
	some := false
	for _, p := range parts {
		e := p.find(key)
		if e == nil {
			continue
		}
		if !some {
			dst = p.appendList(dst, e, 0)
		} else {
			dst = binaryAppendUvarint(dst, uint64(e.first-last))
			dst = p.appendList(dst, e, uvarintLen(e.first))
		}
		some = true
		last = e.last
	}
	return dst
}

func uvarintLen(v uint32) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

func binaryAppendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}
