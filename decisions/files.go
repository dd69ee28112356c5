package decisions

import (
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// Files records decisions from the command line: each is checked against
// the scan as its files are now (read into a model) and appended to its
// review.jsonl; a running preview server picks it up from there. A Files is
// safe for concurrent use.
type Files struct {
	root  string
	risky *eltypes.Risky
	locks locks
}

// OnFiles returns the recorder of decisions on the scans under root; risky
// says which elements are risky when a scan is read (as the build does).
func OnFiles(root string, risky *eltypes.Risky) *Files {
	return &Files{root: root, risky: risky}
}

// load reads scan id into a model.
func (f *Files) load(id string) (*model.Scan, error) {
	root, err := scan.OpenRoot(f.root)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	d, err := root.Open(id)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	return model.Load(d, eltypes.MustLoad(), f.risky, nil)
}

// SetFP records that elements ids of scan id are false positives (fp) or
// are not, once the rules allow it (model.Scan.CheckFP; a refusal is a
// *model.RefusalError). It returns the operation recorded.
func (f *Files) SetFP(id string, ids []string, fp bool, by string) (op string, err error) {
	defer f.locks.lock(id)()
	s, err := f.load(id)
	if err != nil {
		return "", err
	}
	if _, err := s.CheckFP(ids, fp); err != nil {
		return "", err
	}
	op = FPOp(fp)
	return op, record(f.root, id, scan.Decision{Op: op, Elements: ids, By: by})
}

// SetInvestigation records that scan id joins investigation name (add) or
// leaves it. A scan that is already (or is not) a member is refused with a
// *MembershipError, an invalid name with a *model.RefusalError.
func (f *Files) SetInvestigation(id, name string, add bool, by string) error {
	if err := ValidInvestigation(name); err != nil {
		return err
	}
	defer f.locks.lock(id)()
	s, err := f.load(id)
	if err != nil {
		return err
	}
	if err := checkMembership(s, name, add); err != nil {
		return err
	}
	return record(f.root, id, scan.Decision{Op: MembershipOp(add), Investigation: name, By: by})
}
