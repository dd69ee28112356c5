package scan

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// errSymlink refuses a symbolic link where a writer expects a file or a
// scan directory: writers never follow links (a link could lead out of
// the scans root, and a scanned target's text would be appended there).
var errSymlink = errors.New("is a symbolic link; scanreport does not write through links")

// openScanDir opens the scan directory parent/id as an os.Root, refusing a
// symbolic link: every file a writer touches is then opened inside it.
func openScanDir(parent, id string) (*os.Root, error) {
	pr, err := os.OpenRoot(parent)
	if err != nil {
		return nil, err
	}
	defer pr.Close()
	st, err := pr.Lstat(id)
	if err != nil {
		return nil, err
	}
	if st.Mode()&os.ModeSymlink != 0 {
		return nil, fmt.Errorf("scan directory %s %w", filepath.Join(parent, id), errSymlink)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", filepath.Join(parent, id))
	}
	return pr.OpenRoot(id)
}

// writeAtomic replaces name in r with data: a new temporary file (opened
// with O_EXCL and O_NOFOLLOW), synced, renamed over name. A rename replaces
// a symbolic link at name; it never writes through it.
func writeAtomic(r *os.Root, name string, data []byte, perm os.FileMode) (err error) {
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return err
	}
	tmp := "." + name + ".tmp-" + hex.EncodeToString(rnd[:])
	f, err := openNoFollow(r, tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			r.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = r.Rename(tmp, name); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
