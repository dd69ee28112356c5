package sitefmt

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite static/src/data/shapes.gen.ts")

// TSFile is the generated TypeScript, relative to this package.
var tsFile = filepath.Join("..", "..", "static", "src", "data", "shapes.gen.ts")

// TestTypeScript fails when static/src/data/shapes.gen.ts is not what the
// Go types give; -update (make types) rewrites it.
func TestTypeScript(t *testing.T) {
	got, err := TypeScript("sitefmt.go", "graph.go")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(tsFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(tsFile)
	if err != nil {
		t.Fatalf("%v: run make types", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run make types (go test ./internal/sitefmt -run TestTypeScript -args -update) and commit it", tsFile)
	}
	for _, s := range []string{"export interface Manifest {\n", `  k: "manifest";`, "  gen?: number; // grows", "  chunks: ChunkRef[];", "  d?: Array<[number, string, number]>;", "  scan?: undefined;"} {
		if !strings.Contains(string(got), s) {
			t.Errorf("the TypeScript lacks %q", s)
		}
	}
}

func TestDecode(t *testing.T) {
	ok := `{"k":"fp","scan":"s","i":[3,4],"d":[[3,"analyst",1795168809500]]}`
	v, err := Decode([]byte(ok))
	if err != nil {
		t.Fatal(err)
	}
	if fp, _ := v.(*FPList); fp == nil || len(fp.I) != 2 || fp.Scan != "s" {
		t.Errorf("%#v", v)
	}
	manifest := `{"k":"manifest","scan":"s","status":"FINISHED","badge":{"label":"FINISHED","class":"ok","partial":""},"done":true,"count":1,"modules":[""],` +
		`"types":[{"code":"IP_ADDRESS","slug":"ip_address","descr":"IP Address","cat":"ENTITY","total":1,"unique":1,"risky":0,"fp":0,"last":0,"chunks":[{"f":"e-ip_address-0.js","n":1}],` +
		`"facts":[{"n":"1","label":"total"},{"n":"1","label":"unique"}]}],` +
		`"log":{"total":0,"chunks":[]},"fp":{"f":"fp.js","n":0}}`
	if _, err := Decode([]byte(manifest)); err != nil {
		t.Errorf("manifest: %v", err)
	}
	for name, bad := range map[string]string{
		"unknown kind":         `{"k":"nope","scan":"s"}`,
		"unknown key":          `{"k":"fp","scan":"s","i":[],"extra":1}`,
		"missing key":          `{"k":"fp","i":[]}`,
		"wrong type":           `{"k":"fp","scan":"s","i":["3"]}`,
		"missing nested key":   strings.Replace(manifest, `"unique":1,`, "", 1),
		"unknown nested key":   strings.Replace(manifest, `"n":1}`, `"n":1,"x":2}`, 1),
		"missing in an object": strings.Replace(manifest, `"fp":{"f":"fp.js","n":0}`, `"fp":{"f":"fp.js"}`, 1),
	} {
		if _, err := Decode([]byte(bad)); err == nil {
			t.Errorf("%s: accepted %s", name, bad)
		}
	}
}
