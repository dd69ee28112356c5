//go:build nogcs && noazure

package main

const smallBuild = true
