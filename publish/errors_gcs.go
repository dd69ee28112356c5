//go:build !nogcs

package publish

import (
	"errors"

	"google.golang.org/api/googleapi"
)

// gcsKind sorts an error of Google Cloud Storage by its HTTP status.
func gcsKind(err error) (Kind, bool) {
	var g *googleapi.Error
	if !errors.As(err, &g) {
		return KindOther, false
	}
	return statusKind(g.Code)
}
