package sample

// The fixture the site tests share (internal/sitecheck, e2e): the sample
// scans, the XSS scan and investigations around them.

import (
	"os"
	"path/filepath"
	"time"

	"github.com/scanreport/scanreport/scan"
)

// FixtureXSS is the scan id of the fixture's XSS-payload scan.
const FixtureXSS = "xss-payloads"

// WriteFixture writes the test fixture into the scans root: the four
// sample scans (WriteSamples), the XSS scan (WriteXSS) as FixtureXSS, a
// second run of the acme scan (FixtureAcmeRun2), and, in the folder
// "investigations" beside root, FixtureAcmeInv and FixtureXSSInv, the
// latter full of payloads and holding the XSS scan.
func WriteFixture(root string) error {
	if err := WriteSamples(root); err != nil {
		return err
	}
	if err := WriteXSS(root, FixtureXSS); err != nil {
		return err
	}
	return writeInvestigations(root)
}

// FixtureAcmeRun2 is a second run of the acme-corp.example sample scan, for Compare.
const FixtureAcmeRun2 = "acme-corp-2026-11-25"

// FixtureAcmeInv is the investigation of the acme scans, from a file.
const FixtureAcmeInv = "acme-external-2026q4"

// FixtureXSSInv is the investigation full of payloads the XSS scan is in.
const FixtureXSSInv = "xss-case"

// FixtureAcmeInvFile is the file of FixtureAcmeInv.
const FixtureAcmeInvFile = `+++
title = "ACME external attack surface, Q4 2026"
summary = "Quarterly review of ACME Corp's internet-facing assets."
owner = "security team"
created = 2026-11-17
+++

# Scope

Everything under ` + "`acme-corp.example`" + `.

| Scan | Why |
|---|---|
| baseline | the automated scan of the quarter |

- [x] Baseline scan
- [ ] Re-scan and compare
`

// xssInvFile carries payloads in every field of an investigation file.
const xssInvFile = `+++
title = "<script>window.__xss=(window.__xss||0)+1</script><img src=x onerror=\"window.__xss=(window.__xss||0)+1\">"
summary = "\"><svg onload=\"window.__xss=(window.__xss||0)+1\">"
owner = "javascript:window.__xss=(window.__xss||0)+1"
+++
# Heading <script>window.__xss=(window.__xss||0)+1</script>

<script>window.__xss=(window.__xss||0)+1</script>

<img src=x onerror="window.__xss=(window.__xss||0)+1">

<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>

[click](javascript:window.__xss=(window.__xss||0)+1) <a href="javascript:window.__xss=1">raw</a>

![img](javascript:window.__xss=(window.__xss||0)+1)

<style>*{display:none}</style>
`

// writeInvestigations adds to the fixture's scans root: a second run
// of acme-corp.example, the investigations folder beside the scans root
// (the acme investigation and one full of payloads), and a decision that
// puts the XSS scan into the latter.
func writeInvestigations(root string) error {
	if err := Write(root, Options{
		ID: FixtureAcmeRun2, Name: "ACME Corp external footprint (re-run)", Target: "acme-corp.example",
		Kind: scan.KindAutomated, Status: scan.StatusFinished, Elements: 900, Seed: 20261125,
		Start: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), Investigations: []string{FixtureAcmeInv},
	}); err != nil {
		return err
	}
	dir := filepath.Join(filepath.Dir(root), "investigations")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, text := range map[string]string{FixtureAcmeInv: FixtureAcmeInvFile, FixtureXSSInv: xssInvFile} {
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return scan.AppendDecision(filepath.Join(root, FixtureXSS), scan.Decision{Op: scan.OpInvestigationAdd, Investigation: FixtureXSSInv, By: "e2e"})
}
