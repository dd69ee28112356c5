package eltypes

import "testing"

func TestCatalogue(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.All()); n != 172 {
		t.Fatalf("%d types, want 172", n)
	}
	cats := map[string]int{}
	for _, ty := range c.All() {
		cats[ty.Category]++
	}
	if cats[Descriptor] != 79 || cats[Entity] != 57 || cats[Data] != 30 || cats[Subentity] != 5 || cats[Internal] != 1 {
		t.Errorf("categories = %v", cats)
	}
	if ty := c.Lookup("INTERNET_NAME"); ty.Description != "Internet Name" || ty.Category != Entity || !ty.Known {
		t.Errorf("INTERNET_NAME = %+v", ty)
	}
	if ty, ok := c.ByDescription("name server (dns ns records)"); !ok || ty.Code != "PROVIDER_DNS" {
		t.Errorf("ByDescription = %+v %v", ty, ok)
	}
	if ty := c.Lookup("MY_OWN_TYPE"); ty.Known || ty.Category != Unknown || ty.Description != "MY_OWN_TYPE" {
		t.Errorf("unknown type = %+v", ty)
	}
}

func TestRisky(t *testing.T) {
	r, err := NewRisky(DefaultRiskyTypes, DefaultMinRisk)
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]bool{"MALICIOUS_IPADDR": true, "EMAILADDR_COMPROMISED": true, "VULNERABILITY_CVE_HIGH": true,
		"IP_ADDRESS": false, "COMPROMISED": false, "URL_PASSWORD_HISTORIC": true} {
		if r.Type(code) != want {
			t.Errorf("Type(%s) = %v", code, !want)
		}
	}
	if !r.Element("IP_ADDRESS", 50) || r.Element("IP_ADDRESS", 49) {
		t.Error("min risk not applied")
	}
	if _, err := NewRisky([]string{"A/B"}, 0); err == nil {
		t.Error("bad pattern accepted")
	}
}
