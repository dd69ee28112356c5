package main

import (
	"strings"
	"testing"
)

// TestCheckDriver: the drivers a build has pass; one left out by a build tag
// is named with the tag, so the user knows which build to get. `make lint`
// runs it in the small build (nogcs,noazure) too.
func TestCheckDriver(t *testing.T) {
	for _, u := range []string{"s3://bucket", "file:///tmp/x", "mem://"} {
		if err := checkDriver(u); err != nil {
			t.Errorf("checkDriver(%q) = %v, want nil", u, err)
		}
	}
	for scheme, tag := range driverTags {
		err := checkDriver(scheme + "://bucket")
		switch {
		case smallBuild && (err == nil || !strings.Contains(err.Error(), tag)):
			t.Errorf("built with %s: checkDriver(%s://) = %v, want an error naming the tag", tag, scheme, err)
		case !smallBuild && err != nil:
			t.Errorf("checkDriver(%s://) = %v, want nil", scheme, err)
		}
	}
	if err := checkDriver("ftp://host"); err == nil {
		t.Error("checkDriver(ftp://) = nil, want an error")
	}
}
