package sitefmt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Dict is a dictionary block's body (IndexBlock.Bin) read: its entries in
// order, and the data postings (D) of each, unsigned LEB128 varints: per
// entry a count then that many postings (type·2^rowBits + row), the
// first absolute and the others deltas. The source postings, in the same
// form, are the block's IndexSources.
type Dict struct {
	E []string
	D []byte
}

// Dict reads the block's body (docs/site-format.md, "Search index"): three
// varints (entries, and the bytes of their text and of D), each entry's
// length in bytes, the entries' UTF-8 one after the other, D.
func (b *IndexBlock) Dict() (*Dict, error) {
	in := b.Bin
	var head [3]uint64
	for i := range head {
		v, n := binary.Uvarint(in)
		if n <= 0 {
			return nil, errors.New("dictionary block: a cut or bad header")
		}
		head[i], in = v, in[n:]
	}
	n, text, nd := head[0], head[1], head[2]
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
	if sum != text || text+nd != uint64(len(in)) {
		return nil, fmt.Errorf("dictionary block: %d bytes of text and %d of postings in %d bytes", text, nd, len(in))
	}
	d := &Dict{E: make([]string, n)}
	for i, l := range lens {
		d.E[i], in = string(in[:l]), in[l:]
		if !utf8.ValidString(d.E[i]) {
			return nil, fmt.Errorf("dictionary block: entry %d is not UTF-8", i)
		}
	}
	d.D = in
	return d, nil
}

// TrigramList is one trigram of a shard and its blocks: varints, the
// first absolute, then deltas.
type TrigramList struct {
	T      string
	Blocks []byte
}

// Lists reads the shard's body: a varint (the trigram count), then per
// trigram a 13-byte record (its three code points, 3 bytes each, and the
// end of its list in the lists that follow, 4 bytes, all big-endian),
// then the lists.
func (t *TrigramShard) Lists() ([]TrigramList, error) {
	n, k := binary.Uvarint(t.Bin)
	if k <= 0 || n > uint64(len(t.Bin)-k)/13 {
		return nil, errors.New("trigram shard: a bad count")
	}
	recs, lists := t.Bin[k:k+int(n)*13], t.Bin[k+int(n)*13:]
	out := make([]TrigramList, n)
	at := uint32(0)
	for i := range out {
		r := recs[i*13:]
		var cs []rune
		for j := range 3 {
			cs = append(cs, rune(r[j*3])<<16|rune(r[j*3+1])<<8|rune(r[j*3+2]))
		}
		end := binary.BigEndian.Uint32(r[9:])
		if end < at || int(end) > len(lists) {
			return nil, fmt.Errorf("trigram shard: list %d ends at %d", i, end)
		}
		out[i] = TrigramList{T: string(cs), Blocks: lists[at:end]}
		at = end
	}
	if int(at) != len(lists) {
		return nil, fmt.Errorf("trigram shard: %d bytes after the last list", len(lists)-int(at))
	}
	return out, nil
}

// Streams reads the shard's body: the bytes of the hash stream (a
// varint), the hash stream (varint deltas, 0: the same hash as before),
// the block stream (absolute after a new hash, else a delta).
func (x *ExactShard) Streams() (h, p []byte, err error) {
	n, k := binary.Uvarint(x.Bin)
	if k <= 0 || n > uint64(len(x.Bin)-k) {
		return nil, nil, errors.New("exact shard: a bad size")
	}
	return x.Bin[k : k+int(n)], x.Bin[k+int(n):], nil
}
