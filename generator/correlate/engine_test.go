package correlate

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/scan"
)

// rule builds a rule from its collections, aggregation/analysis text and
// headline.
func rule(t *testing.T, body string) *Rule {
	t.Helper()
	return mustParse(t, "t", "id: t\nversion: 1\nmeta: {name: T, description: D, risk: LOW}\n"+body)
}

func check(t *testing.T, name string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", name, got, want)
	}
}

func TestThreshold(t *testing.T) {
	// One bucket per host (entity); HTTP codes counted by value.
	codes := func(cs ...string) []string {
		lines := []string{"h1 INTERNET_NAME ROOT m www.example.com"}
		for i, c := range cs {
			n := strconv.Itoa(i)
			lines = append(lines, "u"+n+" LINKED_URL_INTERNAL h1 m https://www.example.com/"+n, "c"+n+" HTTP_CODE u"+n+" m "+c)
		}
		return lines
	}
	r := func(opts string) *Rule {
		return rule(t, "collections:\n  - collect:\n      - {method: exact, field: type, value: HTTP_CODE}\n"+
			"aggregation: {field: entity.data}\nanalysis:\n  - {method: threshold, field: data"+opts+"}\nheadline: \"{entity.data}\"\n")
	}
	for _, c := range []struct {
		name  string
		opts  string
		codes []string
		hit   bool
	}{
		{"every value at least 2", ", minimum: 2", []string{"404", "404", "404", "500"}, false}, // NOTES 5.3: 500 once drops the host
		{"every value at least 2, all twice", ", minimum: 2", []string{"404", "404", "500", "500"}, true},
		{"maximum", ", maximum: 2", []string{"404", "404", "404"}, false},
		{"within", ", minimum: 1, maximum: 3", []string{"404", "404", "404", "500"}, true},
		{"defaults keep", "", []string{"404"}, true},
		{"unique: distinct values counted", ", count_unique_only: true, minimum: 2", []string{"404", "404", "404"}, false},
		{"unique: two distinct", ", count_unique_only: true, minimum: 2", []string{"404", "500"}, true},
		{"unique: maximum", ", count_unique_only: true, maximum: 1", []string{"404", "500"}, false},
		{"unique false is plain", ", count_unique_only: false, minimum: 2", []string{"404", "500"}, false},
		{"float bound", ", minimum: 1.5", []string{"404", "404"}, true},
	} {
		s := build(t, "example.com", codes(c.codes...)...)
		res := Run(s, []*Rule{r(c.opts)})
		if (len(res) == 1) != c.hit {
			t.Errorf("%s: results %q, want hit=%v", c.name, summary(s, res), c.hit)
		}
	}
	// A bucket whose events have no value for the field: kept by the
	// every-value rule (nothing out of range), dropped by count_unique_only
	// with a minimum.
	s := build(t, "example.com", "h1 INTERNET_NAME ROOT m www.example.com")
	plain := rule(t, "collections:\n  - collect:\n      - {method: exact, field: type, value: INTERNET_NAME}\n"+
		"analysis:\n  - {method: threshold, field: child.data, minimum: 2}\nheadline: \"{data}\"\n")
	check(t, "no values, every-value rule", headlines(Run(s, []*Rule{plain})), []string{"www.example.com"})
	uniq := rule(t, "collections:\n  - collect:\n      - {method: exact, field: type, value: INTERNET_NAME}\n"+
		"analysis:\n  - {method: threshold, field: child.data, count_unique_only: true, minimum: 1}\nheadline: \"{data}\"\n")
	check(t, "no values, unique rule", headlines(Run(s, []*Rule{uniq})), nil)
}

func TestOutlier(t *testing.T) {
	r := func(opts string) *Rule {
		return rule(t, "collections:\n  - collect:\n      - {method: exact, field: type, value: COUNTRY_NAME}\n"+
			"aggregation: {field: data}\nanalysis:\n  - {method: outlier"+opts+"}\nheadline: \"{data}\"\n")
	}
	countries := func(counts ...int) []string {
		var lines []string
		for b, n := range counts {
			for i := 0; i < n; i++ {
				lines = append(lines, "c"+strconv.Itoa(b)+"_"+strconv.Itoa(i)+" COUNTRY_NAME ROOT m C"+strconv.Itoa(b))
			}
		}
		return lines
	}
	for _, c := range []struct {
		name   string
		opts   string
		counts []int
		want   []string
	}{
		{"rare bucket kept", ", maximum_percent: 10", []int{9, 1}, []string{"C1"}}, // 10% exactly: kept
		{"just over", ", maximum_percent: 10", []int{8, 1}, nil},                   // 11.1%
		{"one bucket is 100%", ", maximum_percent: 10", []int{5}, nil},             //
		{"10 buckets: not noisy", ", maximum_percent: 10", []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, // each 10%: all kept
			[]string{"C0", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"}},
		{"11 buckets: noisy", ", maximum_percent: 50", []int{20, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, nil},
		{"noisy_percent lowered", ", maximum_percent: 10, noisy_percent: 5", []int{20, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
			[]string{"C1", "C10", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"}}, // ordered by data
		{"noisy_percent raised", ", maximum_percent: 10, noisy_percent: 50", []int{9, 1, 1}, nil}, // 3 buckets: 33% < 50
		{"float percent", ", maximum_percent: 12.5", []int{7, 1}, []string{"C1"}},                 // 12.5% exactly
	} {
		s := build(t, "example.com", countries(c.counts...)...)
		check(t, c.name, headlines(Run(s, []*Rule{r(c.opts)})), c.want)
	}
}

func TestFirstCollectionOnly(t *testing.T) {
	r := rule(t, `collections:
  - collect:
      - {method: exact, field: type, value: INTERNET_NAME}
      - {method: exact, field: module, value: sfp_dnsbrute}
  - collect:
      - {method: exact, field: type, value: INTERNET_NAME}
      - {method: exact, field: module, value: not sfp_dnsbrute}
aggregation: {field: data}
analysis:
  - {method: first_collection_only, field: data}
headline: "{data} ({module})"
`)
	s := build(t, "example.com",
		"a1 INTERNET_NAME ROOT sfp_dnsbrute only-brute.example.com",
		"a2 INTERNET_NAME ROOT sfp_dnsbrute only-brute.example.com",
		"b1 INTERNET_NAME ROOT sfp_dnsbrute both.example.com",
		"b2 INTERNET_NAME ROOT sfp_crt both.example.com",
		"c1 INTERNET_NAME ROOT sfp_crt only-crt.example.com",
	)
	check(t, "first collection only", summary(s, Run(s, []*Rule{r})), []string{"only-brute.example.com (sfp_dnsbrute) a1,a2"})
	// Without aggregation all events share one bucket: any later event
	// deletes it.
	r2 := rule(t, strings.Replace(string(r.Raw[strings.Index(string(r.Raw), "collections:"):]), "aggregation: {field: data}\n", "", 1))
	check(t, "one bucket", summary(s, Run(s, []*Rule{r2})), nil)
}

func TestMatchAllToFirstCollection(t *testing.T) {
	r := func(field, method string) *Rule {
		return rule(t, `collections:
  - collect:
      - {method: exact, field: type, value: NETBLOCK_OWNER}
  - collect:
      - {method: exact, field: type, value: [IP_ADDRESS, IPV6_ADDRESS]}
aggregation: {field: data}
analysis:
  - {method: match_all_to_first_collection, field: `+field+`, match_method: `+method+`}
headline: "{data}"
`)
	}
	s := build(t, "example.com",
		"n1 NETBLOCK_OWNER ROOT m 198.51.100.0/24",
		"n2 NETBLOCK_OWNER ROOT m 10.1.2.3/8",  // host bits set: the /8
		"n3 NETBLOCK_OWNER ROOT m 203.0.113.9", // a bare address: a /32
		"n4 NETBLOCK_OWNER ROOT m 2001:db8::/32",
		"n5 NETBLOCK_OWNER ROOT m not a network",
		"i1 IP_ADDRESS ROOT m 198.51.100.7",
		"i2 IP_ADDRESS ROOT m 10.200.0.1",
		"i3 IP_ADDRESS ROOT m 203.0.113.9",
		"i4 IP_ADDRESS ROOT m 203.0.113.10",
		"i5 IPV6_ADDRESS ROOT m 2001:db8::5",
		"i6 IP_ADDRESS ROOT m 300.1.2.3",             // not an address
		`i7 IP_ADDRESS ROOT m "198.51.100.7 "`,       // trailing blank: not an address
		"i8 IPV6_ADDRESS ROOT m ::ffff:198.51.100.7", // v6 form: not in a v4 block
		"i9 IP_ADDRESS ROOT m 198.51.100",
		"i10 IPV6_ADDRESS ROOT m fe80::1%eth0",
	)
	// Buckets come in the order they were first filled: n3 made
	// "203.0.113.9" in the first collection, i3 joined it.
	res := Run(s, []*Rule{r("data", "subnet")})
	check(t, "subnet", summary(s, res),
		[]string{"203.0.113.9 n3,i3", "10.200.0.1 i2", "198.51.100.7 i1", "2001:db8::5 i5"})

	// exact: the value itself is in the first collection.
	s2 := build(t, "example.com",
		"n1 NETBLOCK_OWNER ROOT m 198.51.100.7",
		"i1 IP_ADDRESS ROOT m 198.51.100.7",
		"i2 IP_ADDRESS ROOT m 198.51.100.8",
	)
	check(t, "exact", summary(s2, Run(s2, []*Rule{r("data", "exact")})), []string{"198.51.100.7 n1,i1"})
	// contains: the value is a substring of a first-collection value.
	s3 := build(t, "example.com",
		"n1 NETBLOCK_OWNER ROOT m 198.51.100.0/24",
		"i1 IP_ADDRESS ROOT m 198.51.100.0",
		"i2 IP_ADDRESS ROOT m 100.0/2",
		"i3 IP_ADDRESS ROOT m 198.51.100.0/24/8",
	)
	check(t, "contains", headlines(Run(s3, []*Rule{r("data", "contains")})), []string{"100.0/2", "198.51.100.0"})

	// Without aggregation: one bucket; first-collection events stay with
	// the later events that matched, the others go.
	one := rule(t, `collections:
  - collect:
      - {method: exact, field: type, value: NETBLOCK_OWNER}
  - collect:
      - {method: exact, field: type, value: IP_ADDRESS}
analysis:
  - {method: match_all_to_first_collection, field: data, match_method: subnet}
headline: "{data}"
`)
	s4 := build(t, "example.com",
		"n1 NETBLOCK_OWNER ROOT m 198.51.100.0/24",
		"i1 IP_ADDRESS ROOT m 198.51.100.7",
		"i2 IP_ADDRESS ROOT m 192.0.2.1",
	)
	check(t, "one bucket", summary(s4, Run(s4, []*Rule{one})), []string{"198.51.100.0/24 n1,i1"})
	s5 := build(t, "example.com", "n1 NETBLOCK_OWNER ROOT m 198.51.100.0/24")
	check(t, "first collection alone", summary(s5, Run(s5, []*Rule{one})), nil)
}

func TestBothCollectionsIsNoOp(t *testing.T) {
	r := rule(t, `collections:
  - collect:
      - {method: exact, field: type, value: IP_ADDRESS}
aggregation: {field: data}
analysis:
  - {method: both_collections}
headline: "{data}"
`)
	s := build(t, "example.com", "i1 IP_ADDRESS ROOT m 192.0.2.1", "i2 IP_ADDRESS ROOT m 192.0.2.2")
	check(t, "both_collections", headlines(Run(s, []*Rule{r})), []string{"192.0.2.1", "192.0.2.2"})
}

// TestNotOrder: patterns are tried in order; a matching positive keeps, a
// matching "not" drops, and with no match the last pattern decides.
func TestNotOrder(t *testing.T) {
	s := build(t, "example.com",
		"h1 INTERNET_NAME ROOT m devtest.example.com",
		"h2 INTERNET_NAME ROOT m dev.example.com",
		"h3 INTERNET_NAME ROOT m test.example.com",
		"h4 INTERNET_NAME ROOT m www.example.com",
	)
	r := func(values string) *Rule {
		return rule(t, "collections:\n  - collect:\n      - {method: exact, field: type, value: INTERNET_NAME}\n"+
			"      - {method: regex, field: data, value: "+values+"}\nheadline: x\n")
	}
	for _, c := range []struct {
		values string
		want   []string
	}{
		{`["not .*test.*", ".*dev.*"]`, []string{"h2"}},             // devtest dropped by the first; www: none matched, last positive
		{`[".*dev.*", "not .*test.*"]`, []string{"h2", "h1", "h4"}}, // devtest kept by the first; www: last is "not"
		{`["not test", "not dev"]`, []string{"h4"}},                 // a list of "not": none of them
		{`[dev, test]`, []string{"h2", "h1", "h3"}},                 // a list of positives: any of them (ordered by data)
		{`["not   DEV"]`, []string{"h3", "h4"}},                     // not\s+ stripped; IGNORECASE
		{`"notdev"`, nil},                                           // no space: a positive pattern
	} {
		res := Run(s, []*Rule{r(c.values)})
		var got []string
		for _, x := range res {
			got = ids(s, x.Elements)
		}
		check(t, c.values, got, c.want)
	}
	// exact "not": an element without the sub-record is dropped even by a
	// "not" pattern (ANY over no sub-records is false).
	s2 := build(t, "example.com",
		"b1 BASE64_DATA ROOT m aGk=",
		"b2 BASE64_DATA ROOT m aG8=",
		"x2 EMAILADDR b2 m a@example.com",
		"b3 BASE64_DATA ROOT m aGV5",
		"x3 HASH b3 m 0123",
		"b4 BASE64_DATA ROOT m aGF5",
		"y4 HASH b4 m 4567",
		"z4 EMAILADDR b4 m z@example.com",
	)
	r2 := rule(t, "collections:\n  - collect:\n      - {method: exact, field: type, value: BASE64_DATA}\n"+
		"      - {method: exact, field: child.type, value: not HASH}\nheadline: x\n")
	res := Run(s2, []*Rule{r2})
	check(t, "child not", ids(s2, res[0].Elements), []string{"b2", "b4"}) // b1 has no child, b3 only a HASH
}

// TestDottedAggregation: a dotted aggregation field puts one event in a
// bucket per sub-record value (twice for a value twice), each copy keeping
// only the sub-records of its bucket.
func TestDottedAggregation(t *testing.T) {
	s := build(t, "example.com",
		"m1 RAW_FILE_META_DATA ROOT m Author: Jo; Producer: Word 16",
		"a1 HUMAN_NAME m1 m Jo Bloggs",
		"a2 SOFTWARE_USED m1 m Word 16",
		"a3 HASH m1 m 0123",
		"a4 HUMAN_NAME m1 m Jo Bloggs",
		"m2 RAW_FILE_META_DATA ROOT m Author: Jo",
		"b1 HUMAN_NAME m2 m Jo Bloggs",
	)
	const collect = `collections:
  - collect:
      - {method: exact, field: type, value: RAW_FILE_META_DATA}
aggregation: {field: child.data}
`
	r := rule(t, collect+`headline: "{child.data} ({child.type}) in {data}"`)
	// m2 sorts first by data, so its child makes the first bucket; m1 is
	// in "Jo Bloggs" twice (listed once).
	check(t, "fan-out", summary(s, Run(s, []*Rule{r})), []string{
		"Jo Bloggs (HUMAN_NAME) in Author: Jo m2,m1",
		"Word 16 (SOFTWARE_USED) in Author: Jo; Producer: Word 16 m1",
		"0123 (HASH) in Author: Jo; Producer: Word 16 m1",
	})
	// Counting child.type in each bucket sees only that bucket's
	// sub-records, once per copy: "Jo Bloggs" has HUMAN_NAME 1 (m2) + 2 +
	// 2 (the two copies of m1, each with a1 and a4) = 5.
	r5 := rule(t, collect+"analysis:\n  - {method: threshold, field: child.type, minimum: 5, maximum: 5}\nheadline: \"{child.data}\"")
	check(t, "stripped and duplicated", headlines(Run(s, []*Rule{r5})), []string{"Jo Bloggs"})
}

// TestHeadline: placeholders take the first value of the bucket's first
// event, its first line without carriage returns, at most 1024 characters.
func TestHeadline(t *testing.T) {
	long := strings.Repeat("é", 1500)
	s := build(t, "example.com",
		`b1 TCP_PORT_OPEN_BANNER ROOT m "220 mail\r ESMTP\r\n250 OK\nmore"`,
		"b2 TCP_PORT_OPEN_BANNER ROOT m "+long,
		`b3 TCP_PORT_OPEN_BANNER ROOT m "\nsecond line"`,
	)
	r := rule(t, `collections:
  - collect:
      - {method: exact, field: type, value: TCP_PORT_OPEN_BANNER}
aggregation: {field: data}
headline: "{data} | {source.data} | {Data} | {type}{type}"
`)
	got := headlines(Run(s, []*Rule{r}))
	want := []string{
		" | example.com | {Data} | TCP_PORT_OPEN_BANNERTCP_PORT_OPEN_BANNER", // "\nsecond line" sorts first; ROOT's data is the target
		"220 mail ESMTP | example.com | {Data} | TCP_PORT_OPEN_BANNERTCP_PORT_OPEN_BANNER",
		strings.Repeat("é", MaxHeadlineValue) + " | example.com | {Data} | TCP_PORT_OPEN_BANNERTCP_PORT_OPEN_BANNER",
	}
	check(t, "headlines", got, want)

	// The first event has no child: SpiderFoot aborts; the next event's
	// value is used here.
	s2 := build(t, "example.com",
		"b1 BASE64_DATA ROOT m AAAA",
		"b2 BASE64_DATA ROOT m BBBB",
		"e2 EMAILADDR b2 m x@example.com",
	)
	r2 := rule(t, "collections:\n  - collect:\n      - {method: exact, field: type, value: BASE64_DATA}\nheadline: \"found {child.data} in {data}\"\n")
	check(t, "fallback", summary(s2, Run(s2, []*Rule{r2})), []string{"found x@example.com in AAAA b1,b2"})
	// A value that contains a placeholder is not filled again.
	s3 := build(t, "example.com", "h1 INTERNET_NAME ROOT m {data}.example.com")
	r3 := rule(t, "collections:\n  - collect:\n      - {method: exact, field: type, value: INTERNET_NAME}\nheadline: \"{data} / {source.data}\"\n")
	check(t, "no re-fill", headlines(Run(s3, []*Rule{r3})), []string{"{data}.example.com / example.com"})
}

// TestRootAndEntities: ROOT is collected only when a rule asks for its
// type, is its own source, and is the entity of the first events; every
// sibling below a non-entity parent gets its entity (SpiderFoot bug fixed).
func TestRootAndEntities(t *testing.T) {
	s := build(t, "example.com",
		"h1 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
		"u1 LINKED_URL_INTERNAL h1 m https://www.example.com/",
		"c1 HTTP_CODE u1 m 500",
		"c2 HTTP_CODE u1 m 502",
		"c3 HTTP_CODE u1 m 503",
		"w1 DOMAIN_WHOIS ROOT m whois record",
	)
	all := rule(t, "collections:\n  - collect:\n      - {method: regex, field: type, value: \".*\"}\nheadline: x\n")
	res := Run(s, []*Rule{all})
	check(t, "regex .* selects ROOT too", ids(s, res[0].Elements), []string{"c1", "c2", "c3", "ROOT", "u1", "w1", "h1"})
	notRoot := rule(t, "collections:\n  - collect:\n      - {method: regex, field: type, value: \"^[A-Z]+_\"}\nheadline: x\n")
	res = Run(s, []*Rule{notRoot})
	if slices.Contains(ids(s, res[0].Elements), "ROOT") {
		t.Error("ROOT collected by a type filter that does not match ROOT")
	}
	root := rule(t, "collections:\n  - collect:\n      - {method: exact, field: type, value: ROOT}\nheadline: \"{data} {source.data} {entity.data} {entity.type}\"\n")
	check(t, "ROOT", summary(s, Run(s, []*Rule{root})), []string{"example.com example.com example.com ROOT ROOT"})
	ent := rule(t, `collections:
  - collect:
      - {method: exact, field: type, value: [HTTP_CODE, DOMAIN_WHOIS, INTERNET_NAME]}
aggregation: {field: entity.data}
headline: "{entity.type} {entity.data}"
`)
	// All three codes share the parent u1 (not an entity): each resolves
	// to www.example.com. h1 and w1 hang below ROOT: their entity is ROOT.
	check(t, "entities", summary(s, Run(s, []*Rule{ent})), []string{
		"INTERNET_NAME www.example.com c1,c2,c3",
		"ROOT example.com w1,h1",
	})
}

// TestSelection: the first match rule by type (regex: case-sensitive
// search over type names), module and data (exact: fixed SpiderFoot bug).
func TestSelection(t *testing.T) {
	s := build(t, "example.com",
		"h1 INTERNET_NAME ROOT sfp_dnsbrute example.com",
		"h2 INTERNET_NAME ROOT sfp_crt www.example.com",
		"m1 MALICIOUS_IPADDR ROOT sfp_alienvault bad",
		"m2 BLACKLISTED_IPADDR ROOT sfp_spamhaus listed",
		"x1 CUSTOM_TYPE ROOT sfp_custom thing",
	)
	for _, c := range []struct {
		match string
		want  []string
	}{
		{"{method: regex, field: type, value: [MALICIOUS_*, BLACKLIST_*]}", []string{"m1", "m2"}},
		{"{method: regex, field: type, value: malicious}", nil}, // case-sensitive
		{"{method: regex, field: type, value: ^CUSTOM}", []string{"x1"}},
		{"{method: exact, field: type, value: CUSTOM_TYPE}", []string{"x1"}},
		{"{method: exact, field: module, value: [sfp_crt, sfp_spamhaus]}", []string{"m2", "h2"}},
		{"{method: exact, field: data, value: example.com}", []string{"ROOT", "h1"}},
		{"{method: exact, field: module, value: \"\"}", []string{"ROOT"}},
	} {
		r := rule(t, "collections:\n  - collect:\n      - "+c.match+"\nheadline: x\n")
		var got []string
		for _, x := range Run(s, []*Rule{r}) {
			got = ids(s, x.Elements)
		}
		check(t, c.match, got, c.want)
	}
}

// TestCollections: an element collected twice (two collections) counts
// twice but is listed once; publish_collections picks whose elements are
// listed; disabled rules do not run.
func TestCollections(t *testing.T) {
	s := build(t, "example.com",
		"h1 INTERNET_NAME ROOT sfp_crt www.example.com",
		"h2 INTERNET_NAME ROOT sfp_dnsbrute www.example.com",
	)
	twice := rule(t, `collections:
  - collect:
      - {method: exact, field: type, value: INTERNET_NAME}
  - collect:
      - {method: exact, field: module, value: sfp_crt}
aggregation: {field: data}
analysis:
  - {method: threshold, field: data, minimum: 3}
headline:
  text: "{data} {module}"
  publish_collections: [1]
`)
	check(t, "twice", summary(s, Run(s, []*Rule{twice})), []string{"www.example.com sfp_crt h1"})
	off := mustParse(t, "t", strings.Replace(string(twice.Raw), "version: 1", "version: 1\nenabled: false", 1))
	if off.Enabled || len(Run(s, []*Rule{off})) != 0 {
		t.Errorf("disabled rule ran")
	}
}

func TestEligible(t *testing.T) {
	for _, c := range []struct {
		status, kind string
		want         bool
	}{
		{scan.StatusFinished, scan.KindAutomated, true},
		{scan.StatusFinished, scan.KindManual, false},
		{scan.StatusAborted, scan.KindAutomated, false},
		{scan.StatusErrorFailed, scan.KindAutomated, false},
		{scan.StatusRunning, scan.KindAutomated, false},
	} {
		s := build(t, "example.com")
		s.Meta.Status, s.Meta.Kind = c.status, c.kind
		if Eligible(s) != c.want {
			t.Errorf("Eligible(%s, %s) = %v", c.status, c.kind, !c.want)
		}
	}
}

func TestCountByRisk(t *testing.T) {
	rules, _ := Load(defaultRulesDir)
	s := build(t, "example.com",
		"u1 URL_PASSWORD ROOT sfp_spider http://example.com/login",
		"u2 URL_PASSWORD ROOT sfp_spider http://example.com/admin",
		"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.5",
		"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.5:3389",
	)
	got := CountByRisk(Run(s, rules))
	if got[RiskHigh] != 2 || got[RiskMedium] != 1 || got[RiskLow] != 0 || len(got) != 2 {
		t.Errorf("counts = %v", got)
	}
}
