// Package sfschema is SpiderFoot's database schema, DDL exactly as in
// NOTES.md section 1, for the tests that make SpiderFoot databases to
// import (spiderfoot, cmd/scanreport, e2e). Only tests import it.
package sfschema

// Old is SpiderFoot's schema before 4.0 (SpiderFootDb.createSchemaQueries
// without the correlation tables): the tables an import reads and their
// indexes.
func Old() []string {
	return []string{
		`CREATE TABLE tbl_event_types (event VARCHAR NOT NULL PRIMARY KEY, event_descr VARCHAR NOT NULL, event_raw INT NOT NULL DEFAULT 0, event_type VARCHAR NOT NULL)`,
		`CREATE TABLE tbl_config (scope VARCHAR NOT NULL, opt VARCHAR NOT NULL, val VARCHAR NOT NULL, PRIMARY KEY(scope,opt))`,
		`CREATE TABLE tbl_scan_instance (guid VARCHAR NOT NULL PRIMARY KEY, name VARCHAR NOT NULL, seed_target VARCHAR NOT NULL, created INT DEFAULT 0, started INT DEFAULT 0, ended INT DEFAULT 0, status VARCHAR NOT NULL)`,
		`CREATE TABLE tbl_scan_log (scan_instance_id VARCHAR NOT NULL REFERENCES tbl_scan_instance(guid), generated INT NOT NULL, component VARCHAR, type VARCHAR NOT NULL, message VARCHAR)`,
		`CREATE TABLE tbl_scan_config (scan_instance_id VARCHAR NOT NULL REFERENCES tbl_scan_instance(guid), component VARCHAR NOT NULL, opt VARCHAR NOT NULL, val VARCHAR NOT NULL)`,
		`CREATE TABLE tbl_scan_results (scan_instance_id VARCHAR NOT NULL REFERENCES tbl_scan_instance(guid), hash VARCHAR NOT NULL, type VARCHAR NOT NULL REFERENCES tbl_event_types(event), generated INT NOT NULL, confidence INT NOT NULL DEFAULT 100, visibility INT NOT NULL DEFAULT 100, risk INT NOT NULL DEFAULT 0, module VARCHAR NOT NULL, data VARCHAR, false_positive INT NOT NULL DEFAULT 0, source_event_hash VARCHAR DEFAULT 'ROOT')`,
		`CREATE INDEX idx_scan_results_id ON tbl_scan_results (scan_instance_id)`,
		`CREATE INDEX idx_scan_results_type ON tbl_scan_results (scan_instance_id, type)`,
		`CREATE INDEX idx_scan_results_hash ON tbl_scan_results (scan_instance_id, hash)`,
		`CREATE INDEX idx_scan_results_module ON tbl_scan_results(scan_instance_id, module)`,
		`CREATE INDEX idx_scan_results_srchash ON tbl_scan_results (scan_instance_id, source_event_hash)`,
		`CREATE INDEX idx_scan_logs ON tbl_scan_log (scan_instance_id)`,
	}
}

// Correlations is what 4.0 adds (and creates in older databases).
func Correlations() []string {
	return []string{
		`CREATE TABLE tbl_scan_correlation_results (id VARCHAR NOT NULL PRIMARY KEY, scan_instance_id VARCHAR NOT NULL REFERENCES tbl_scan_instances(guid), title VARCHAR NOT NULL, rule_risk VARCHAR NOT NULL, rule_id VARCHAR NOT NULL, rule_name VARCHAR NOT NULL, rule_descr VARCHAR NOT NULL, rule_logic VARCHAR NOT NULL)`,
		`CREATE TABLE tbl_scan_correlation_results_events (correlation_id VARCHAR NOT NULL REFERENCES tbl_scan_correlation_results(id), event_hash VARCHAR NOT NULL REFERENCES tbl_scan_results(hash))`,
		`CREATE INDEX idx_scan_correlation ON tbl_scan_correlation_results (scan_instance_id, id)`,
		`CREATE INDEX idx_scan_correlation_events ON tbl_scan_correlation_results_events (correlation_id)`,
	}
}

// V4 is the 4.x schema: Old and Correlations.
func V4() []string { return append(Old(), Correlations()...) }
