package sample

import (
	"time"

	"github.com/scanreport/scanreport/scan"
)

// acmeNotes is the analyst's notes.md of the finished sample scan.
const acmeNotes = `# ACME Corp external footprint

Scan of ` + "`acme-corp.example`" + ` for the Q4 external attack-surface review
(investigation *acme-external-2026q4*). Scope and rules of engagement are in the
[Q4 review plan](https://wiki.acme-corp.example/security/q4-external-review).

## Worth a second look

- **Critical CVEs** reported by Shodan on a few hosting addresses: confirm the
  service versions before escalating; Shodan's data can be weeks old.
- Addresses listed by **AlienVault OTX** and **Spamhaus** mostly sit in shared CDN
  ranges, so the listings may concern other tenants.
- Breached mailboxes come from old third-party leaks, some with passwords.
- Open S3 buckets answer anonymous listing requests.

## False positives

Marked a few elements whose whole branch is noise (see the F/P column): links to a
parked partner site and hosts that only resolve to a shared CDN address.

## To do

- [x] Compare host names with the asset inventory
- [x] Mark the CDN hits as false positives
- [ ] Send the breached-mailbox list to IT for password resets
- [ ] Ask the web team to close the open bucket
- [ ] Re-scan after the January change window
`

// samples are the options of the scans WriteSamples writes.
var samples = []Options{
	{
		ID: "acme-corp-2026-11-18", Name: "ACME Corp external footprint", Target: "acme-corp.example",
		Kind: scan.KindAutomated, Status: scan.StatusFinished, Elements: 3000, Seed: 20261118,
		Start: time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC), Notes: acmeNotes,
		Investigations: []string{"acme-external-2026q4"}, FalsePositives: 3,
	},
	{
		ID: "globex-2026-11-24", Name: "Globex perimeter (running)", Target: "globex.example",
		Kind: scan.KindAutomated, Status: scan.StatusRunning, Elements: 800, Seed: 20261124,
		Start: time.Date(2026, 11, 24, 14, 30, 0, 0, time.UTC),
	},
	{
		ID: "initech-2026-11-21", Name: "Initech pre-acquisition sweep", Target: "initech.example",
		Kind: scan.KindAutomated, Status: scan.StatusAborted, Elements: 1500, Seed: 20261121,
		Start:          time.Date(2026, 11, 21, 16, 5, 0, 0, time.UTC),
		Investigations: []string{"vendor-review-2026"}, FalsePositives: 1,
	},
	{
		ID: "j-smith-mailbox-2026-11-22", Name: "J. Smith mailbox exposure (manual)", Target: "j.smith@acme-corp.example",
		Kind: scan.KindManual, Status: scan.StatusFinished, Elements: 60, Seed: 20261122,
		Start:          time.Date(2026, 11, 22, 11, 15, 0, 0, time.UTC),
		Investigations: []string{"acme-external-2026q4"},
	},
}

// WriteSamples writes the four sample scans into root:
//
//   - acme-corp-2026-11-18: FINISHED automated scan of acme-corp.example,
//     3,000 elements, notes, an investigation and three false positives;
//   - globex-2026-11-24: automated scan still RUNNING, 800 elements;
//   - initech-2026-11-21: ABORTED automated scan, 1,500 elements, one false
//     positive;
//   - j-smith-mailbox-2026-11-22: FINISHED manual scan of an e-mail address,
//     60 elements.
//
// Seeds and start times are fixed, so every run writes the same bytes.
func WriteSamples(root string) error {
	for _, o := range samples {
		if err := Write(root, o); err != nil {
			return err
		}
	}
	return nil
}
