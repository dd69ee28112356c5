// Package e2e holds scanreport's end-to-end tests: the report site built from
// sample scans, opened in headless Chromium from file:// and over HTTP.
package e2e
