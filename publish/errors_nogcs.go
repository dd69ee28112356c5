//go:build nogcs

package publish

func gcsKind(error) (Kind, bool) { return KindOther, false }
