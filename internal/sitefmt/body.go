package sitefmt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Dict is a dictionary block's body (IndexBlock.Bin) read: its entries in
// order, and the data (D) and source (S) postings of each, unsigned LEB128
// varints: per entry a count then that many postings (type·2^rowBits +
// row), the first absolute and the others deltas.
type Dict struct {
	E    []string
	D, S []byte
}

// Dict reads the block's body (docs/site-format.md, "Search index"): four
// varints (entries, and the bytes of their text, of D and of S), each
// entry's length in bytes, the entries' UTF-8 one after the other, D, S.
func (b *IndexBlock) Dict() (*Dict, error) {
	in := b.Bin
	var head [4]uint64
	for i := range head {
		v, n := binary.Uvarint(in)
		if n <= 0 {
			return nil, errors.New("dictionary block: a cut or bad header")
		}
		head[i], in = v, in[n:]
	}
	n, text, nd, ns := head[0], head[1], head[2], head[3]
	if n > uint64(len(in)) {
		return nil, fmt.Errorf("dictionary block: %d entries in %d bytes", n, len(in))
	}
	lens := make([]uint64, n)
	sum := uint64(0)
	for i := range lens {
		v, k := binary.Uvarint(in)
		if k <= 0 {
			return nil, fmt.Errorf("dictionary block: entry %d: a cut or bad length", i)
		}
		lens[i], in, sum = v, in[k:], sum+v
	}
	if sum != text || text+nd+ns != uint64(len(in)) {
		return nil, fmt.Errorf("dictionary block: %d bytes of text, %d and %d of postings, in %d bytes", text, nd, ns, len(in))
	}
	d := &Dict{E: make([]string, n)}
	for i, l := range lens {
		d.E[i], in = string(in[:l]), in[l:]
		if !utf8.ValidString(d.E[i]) {
			return nil, fmt.Errorf("dictionary block: entry %d is not UTF-8", i)
		}
	}
	d.D, d.S = in[:nd], in[nd:]
	return d, nil
}
