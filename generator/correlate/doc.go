// Package correlate runs SpiderFoot correlation rules, unmodified YAML, over
// a scan model.
//
// A rule file (SpiderFoot 4.0's format: id, meta, collections of match
// rules, an optional aggregation, analysis methods and a headline) is read
// by Parse or, a folder at a time, by Load, which checks it the way
// SpiderFoot's check_rule_validity does, and more strictly where SpiderFoot
// would only fail later (at run time, or silently): every message names the
// file, the line and the key. Run evaluates rules over a model.Scan with the
// semantics of SpiderFoot's spiderfoot/correlation.py: the first match rule
// of a collection selects elements by type, module or data, ordered by data;
// later ones filter them (ANY sub-record for source., child. and entity.
// fields; "not " patterns; order-dependent evaluation); the collections are
// concatenated, aggregated into buckets, cut down by the analysis methods,
// and every bucket left becomes one Result whose headline is filled from
// the bucket's first element. Where SpiderFoot has a plain bug the choice
// made here (kept or fixed) is written down in docs/correlations.md.
//
// Headlines carry scan data as plain strings: escaping them is the
// renderer's job (SpiderFoot's own UI did not, its issue #2012).
//
// Only finished automated scans get correlations (Eligible), and Cache keeps
// the results of a scan on disk, keyed by the rules' bytes and the scan's
// content, so an unchanged scan is not evaluated again.
package correlate
