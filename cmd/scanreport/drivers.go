package main

import (
	"fmt"
	"net/url"

	"gocloud.dev/blob"

	// The storage services every build can write to, by URL scheme. GCS and
	// Azure are in drivers_gcs.go and drivers_azure.go, left out by the build
	// tags nogcs and noazure (see the README: they are most of the binary).
	_ "gocloud.dev/blob/fileblob" // file://
	_ "gocloud.dev/blob/memblob"  // mem:// (tests)
	_ "gocloud.dev/blob/s3blob"   // s3://
)

// driverTags names the build tag that leaves a scheme's driver out.
var driverTags = map[string]string{"gs": "nogcs", "azblob": "noazure"}

// checkDriver says plainly when this binary was built without the driver for
// the URL's scheme, instead of gocloud's "no driver registered".
func checkDriver(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("--to %q: %w", rawURL, err)
	}
	if blob.DefaultURLMux().ValidBucketScheme(u.Scheme) {
		return nil
	}
	if tag, ok := driverTags[u.Scheme]; ok {
		return fmt.Errorf("--to %s://…: this scanreport was built with the %q tag, without the %s:// driver; build it without that tag (see README, \"Smaller binary\")", u.Scheme, tag, u.Scheme)
	}
	return fmt.Errorf("--to %s://…: no storage driver for this scheme in this build", u.Scheme)
}
