//go:build noazure

package publish

func azureKind(error) (Kind, bool)    { return KindOther, false }
func azureCause(error) (string, bool) { return "", false }
