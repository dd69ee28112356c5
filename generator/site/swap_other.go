//go:build !linux

package site

func swap(tmp, out string) error { return swapAside(tmp, out) }
