package scan

import (
	"io"
	"sync"
)

// readAheadMin is the file size from which reading ahead pays.
const readAheadMin = 8 << 20

const (
	readAheadBlock = 1 << 20
	readAheadDepth = 4
)

// readAhead reads a file in a second goroutine, a few blocks ahead of the
// parser, so that waiting for the disk and decoding lines overlap.
type readAhead struct {
	blocks chan []byte
	free   chan []byte
	done   chan struct{}
	once   sync.Once
	wg     sync.WaitGroup
	block  []byte // the block being read, whole
	cur    []byte // what is left of it
	errc   chan error
}

func newReadAhead(r io.Reader) *readAhead {
	ra := &readAhead{
		blocks: make(chan []byte, readAheadDepth),
		free:   make(chan []byte, readAheadDepth+2),
		done:   make(chan struct{}),
		errc:   make(chan error, 1),
	}
	for range readAheadDepth + 2 {
		ra.free <- make([]byte, readAheadBlock)
	}
	ra.wg.Add(1)
	go func() {
		defer ra.wg.Done()
		defer close(ra.blocks)
		for {
			var buf []byte
			select {
			case buf = <-ra.free:
			case <-ra.done:
				return
			}
			n, err := io.ReadFull(r, buf)
			if n > 0 {
				select {
				case ra.blocks <- buf[:n]:
				case <-ra.done:
					return
				}
			}
			if err != nil {
				if err != io.EOF && err != io.ErrUnexpectedEOF {
					ra.errc <- err
				}
				return
			}
		}
	}()
	return ra
}

func (ra *readAhead) Read(p []byte) (int, error) {
	if len(ra.cur) == 0 {
		if ra.block != nil {
			ra.free <- ra.block[:cap(ra.block)]
			ra.block = nil
		}
		b, ok := <-ra.blocks
		if !ok {
			select {
			case err := <-ra.errc:
				return 0, err
			default:
				return 0, io.EOF
			}
		}
		ra.block, ra.cur = b, b
	}
	n := copy(p, ra.cur)
	ra.cur = ra.cur[n:]
	return n, nil
}

// Close stops the reading goroutine.
func (ra *readAhead) Close() {
	ra.once.Do(func() { close(ra.done) })
	ra.wg.Wait()
}
