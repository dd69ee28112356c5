//go:build !noazure

package publish

import (
	"errors"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
)

// azureKind sorts an error of Azure Blob Storage.
func azureKind(err error) (Kind, bool) {
	var az *azcore.ResponseError
	if !errors.As(err, &az) {
		return KindOther, false
	}
	switch az.ErrorCode {
	case "AuthenticationFailed", "InvalidAuthenticationInfo", "NoAuthenticationInformation":
		return KindCredentials, true
	case "ContainerNotFound", "ContainerBeingDeleted":
		return KindNotFound, true
	}
	return statusKind(az.StatusCode)
}

// azureCause is the one line worth showing of Azure's dozens.
func azureCause(err error) (string, bool) {
	var az *azcore.ResponseError
	if !errors.As(err, &az) {
		return "", false
	}
	return fmt.Sprintf("%s, HTTP %d", az.ErrorCode, az.StatusCode), true
}
