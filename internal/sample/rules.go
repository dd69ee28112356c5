package sample

import (
	"strings"
)

// Pools hold the elements found so far that can lead to more elements, as
// (element number, key) pairs. A rule takes its parent from one of its
// pools and may add the new element to others.
const (
	pHost        = iota // INTERNET_NAME, key: host
	pDomain             // DOMAIN_NAME (the target's domain), key: host
	pEmailTarget        // the target EMAILADDR of an e-mail scan
	pIP                 // IP_ADDRESS, key: IP
	pPort               // TCP_PORT_OPEN, key: IP<<8 | port index
	pNetblock           // NETBLOCK_OWNER, key: net block index
	pURL                // LINKED_URL_INTERNAL, key: host<<24 | page
	pExtURL             // LINKED_URL_EXTERNAL, key: external host<<20 | page
	pHeaders            // WEBSERVER_HTTPHEADERS, key: URL key
	pWebBanner          // WEBSERVER_BANNER, key: server index
	pWebContent         // TARGET_WEB_CONTENT, key: URL key
	pEmail              // EMAILADDR, key: e-mail
	pHuman              // HUMAN_NAME, key: person
	pCert               // SSL_CERTIFICATE_ISSUED, key: host
	pBucket             // CLOUD_STORAGE_BUCKET that is open, key: bucket index
	numPools
)

// rule makes one kind of element: its type and module, how often it fires
// (weight, relative to the other rules), where its parent comes from, and
// how its value is made.
type rule struct {
	typ, module string
	weight      int
	from        []int // parent pools; one is chosen among the non-empty ones
	// seq takes parents in the order they were found, each for at most per
	// children (1 when zero): one HTTP code per fetched page, one WHOIS
	// record per domain. Otherwise a parent is picked at random, favouring
	// recent ones.
	seq bool
	per int
	to  []int // pools the new element joins
	// val appends the value to g.buf for parent key k and returns the
	// element's key. It may set g.reject (non-seq rules only) to say that
	// this parent gives nothing, and g.noPush to keep the element out of
	// the pools.
	val  func(g *gen, k uint64) uint64
	risk [2]int // risk range; zero: no risk
	conf [2]int // confidence range, clamped to 100; zero: 100
}

func pools(p ...int) []int { return p }

// rules is the scanner's repertoire, in the shape of a SpiderFoot scan with
// most modules enabled. Weights are roughly per mille of the elements.
var rules = []rule{
	// Host names.
	{typ: "INTERNET_NAME", module: "sfp_dnsbrute", weight: 20, from: pools(pDomain), to: pools(pHost), val: (*gen).bruteHost},
	{typ: "INTERNET_NAME", module: "sfp_crt", weight: 20, from: pools(pDomain), to: pools(pHost), val: (*gen).newHost},
	{typ: "INTERNET_NAME_UNRESOLVED", module: "sfp_crt", weight: 4, from: pools(pDomain), val: (*gen).newHost},
	{typ: "INTERNET_NAME", module: "sfp_sslcert", weight: 8, from: pools(pCert), to: pools(pHost), val: (*gen).newHost},
	{typ: "INTERNET_NAME", module: "sfp_dnsresolve", weight: 10, from: pools(pURL), to: pools(pHost), val: (*gen).urlHost},
	{typ: "INTERNET_NAME", module: "sfp_dnsresolve", weight: 4, from: pools(pIP), to: pools(pHost), val: (*gen).newHost},
	{typ: "INTERNET_NAME", module: "sfp_dnsresolve", weight: 60, seq: true, from: pools(pEmailTarget), to: pools(pHost, pDomain), val: (*gen).baseHost},

	// What an e-mail target itself leads to (only e-mail scans have one).
	{typ: "HUMAN_NAME", module: "sfp_names", weight: 40, seq: true, from: pools(pEmailTarget), val: (*gen).humanName},
	{typ: "ACCOUNT_EXTERNAL_OWNED", module: "sfp_accounts", weight: 60, seq: true, per: 5, from: pools(pEmailTarget), val: (*gen).account},
	{typ: "EMAILADDR_COMPROMISED", module: "sfp_haveibeenpwned", weight: 50, seq: true, per: 3, from: pools(pEmailTarget), val: (*gen).breach, risk: [2]int{50, 70}},
	{typ: "PASSWORD_COMPROMISED", module: "sfp_dehashed", weight: 20, seq: true, from: pools(pEmailTarget), val: (*gen).password, risk: [2]int{85, 95}},
	{typ: "PHONE_NUMBER", module: "sfp_dehashed", weight: 20, seq: true, from: pools(pEmailTarget), val: (*gen).phone, conf: [2]int{60, 90}},

	// Addresses and what is known about them.
	{typ: "IP_ADDRESS", module: "sfp_dnsresolve", weight: 50, seq: true, from: pools(pHost), to: pools(pIP), val: (*gen).hostIP},
	{typ: "IP_ADDRESS", module: "sfp_dnsresolve", weight: 5, from: pools(pHost), to: pools(pIP), val: (*gen).hostIP2},
	{typ: "IPV6_ADDRESS", module: "sfp_dnsresolve", weight: 6, from: pools(pHost), val: (*gen).hostIP6},
	{typ: "TCP_PORT_OPEN", module: "sfp_portscan_tcp", weight: 40, seq: true, per: 3, from: pools(pIP), to: pools(pPort), val: (*gen).openPort},
	{typ: "TCP_PORT_OPEN", module: "sfp_shodan", weight: 5, from: pools(pIP), to: pools(pPort), val: (*gen).openPort},
	{typ: "TCP_PORT_OPEN_BANNER", module: "sfp_portscan_tcp", weight: 18, seq: true, from: pools(pPort), val: (*gen).portBanner},
	{typ: "NETBLOCK_OWNER", module: "sfp_bgpview", weight: 8, seq: true, from: pools(pIP), to: pools(pNetblock), val: (*gen).netblock},
	{typ: "BGP_AS_OWNER", module: "sfp_bgpview", weight: 5, seq: true, from: pools(pNetblock), val: (*gen).asn},
	{typ: "GEOINFO", module: "sfp_ipinfo", weight: 15, seq: true, from: pools(pIP), val: (*gen).geo},
	{typ: "PROVIDER_HOSTING", module: "sfp_hosting", weight: 8, seq: true, from: pools(pIP), val: (*gen).hosting},
	{typ: "CO_HOSTED_SITE", module: "sfp_hackertarget", weight: 15, from: pools(pIP), val: (*gen).cohost},
	{typ: "MALICIOUS_IPADDR", module: "sfp_alienvault", weight: 4, from: pools(pIP), val: (*gen).maliciousIP, risk: [2]int{60, 90}},
	{typ: "BLACKLISTED_IPADDR", module: "sfp_spamhaus", weight: 3, from: pools(pIP), val: (*gen).blacklistedIP, risk: [2]int{50, 75}},
	{typ: "VULNERABILITY_CVE_CRITICAL", module: "sfp_shodan", weight: 1, from: pools(pIP), val: (*gen).cveCritical, risk: [2]int{90, 100}},
	{typ: "VULNERABILITY_CVE_HIGH", module: "sfp_shodan", weight: 2, from: pools(pIP), val: (*gen).cveHigh, risk: [2]int{70, 89}},
	{typ: "VULNERABILITY_CVE_MEDIUM", module: "sfp_shodan", weight: 3, from: pools(pIP), val: (*gen).cveMedium, risk: [2]int{40, 69}},
	{typ: "VULNERABILITY_CVE_LOW", module: "sfp_shodan", weight: 2, from: pools(pIP), val: (*gen).cveLow, risk: [2]int{10, 39}},

	// Web sites.
	{typ: "LINKED_URL_INTERNAL", module: "sfp_spider", weight: 50, from: pools(pHost), to: pools(pURL), val: (*gen).hostURL},
	{typ: "LINKED_URL_INTERNAL", module: "sfp_spider", weight: 140, from: pools(pURL), to: pools(pURL), val: (*gen).linkedURL},
	{typ: "LINKED_URL_EXTERNAL", module: "sfp_spider", weight: 50, from: pools(pURL), to: pools(pExtURL), val: (*gen).extURL},
	{typ: "AFFILIATE_INTERNET_NAME", module: "sfp_spider", weight: 15, from: pools(pExtURL), val: (*gen).affiliate},
	{typ: "HTTP_CODE", module: "sfp_spider", weight: 60, seq: true, from: pools(pURL), val: (*gen).httpCode},
	{typ: "WEBSERVER_HTTPHEADERS", module: "sfp_spider", weight: 25, seq: true, from: pools(pURL), to: pools(pHeaders), val: (*gen).headers},
	{typ: "WEBSERVER_BANNER", module: "sfp_webserver", weight: 20, seq: true, from: pools(pHeaders), to: pools(pWebBanner), val: (*gen).webBanner},
	{typ: "WEBSERVER_TECHNOLOGY", module: "sfp_webserver", weight: 12, seq: true, from: pools(pHeaders), val: (*gen).technology},
	{typ: "TARGET_WEB_COOKIE", module: "sfp_cookie", weight: 8, seq: true, from: pools(pHeaders), val: (*gen).cookie},
	{typ: "SOFTWARE_USED", module: "sfp_webserver", weight: 10, seq: true, from: pools(pWebBanner), val: (*gen).software},
	{typ: "TARGET_WEB_CONTENT", module: "sfp_spider", weight: 6, seq: true, from: pools(pURL), to: pools(pWebContent), val: (*gen).webContent},
	{typ: "TARGET_WEB_CONTENT_TYPE", module: "sfp_spider", weight: 10, seq: true, from: pools(pURL), val: (*gen).contentType},
	{typ: "URL_FORM", module: "sfp_spider", weight: 12, seq: true, from: pools(pURL), val: (*gen).sameURL},
	{typ: "URL_JAVASCRIPT", module: "sfp_spider", weight: 20, seq: true, from: pools(pURL), val: (*gen).sameURL},
	{typ: "URL_PASSWORD", module: "sfp_spider", weight: 2, seq: true, from: pools(pURL), val: (*gen).sameURL},
	{typ: "URL_WEB_FRAMEWORK", module: "sfp_webframework", weight: 8, seq: true, from: pools(pURL), val: (*gen).sameURL},

	// People, addresses, accounts and breaches.
	{typ: "EMAILADDR", module: "sfp_email", weight: 15, from: pools(pURL, pWebContent), to: pools(pEmail), val: (*gen).newEmail, conf: [2]int{85, 130}},
	{typ: "EMAILADDR_GENERIC", module: "sfp_email", weight: 3, from: pools(pURL), to: pools(pEmail), val: (*gen).roleEmail},
	{typ: "HUMAN_NAME", module: "sfp_names", weight: 10, from: pools(pWebContent, pEmail), to: pools(pHuman), val: (*gen).humanName, conf: [2]int{40, 110}},
	{typ: "PHONE_NUMBER", module: "sfp_phone", weight: 6, from: pools(pWebContent, pURL), val: (*gen).phone, conf: [2]int{70, 120}},
	{typ: "ACCOUNT_EXTERNAL_OWNED", module: "sfp_accounts", weight: 10, from: pools(pEmail, pHuman), val: (*gen).account},
	{typ: "EMAILADDR_COMPROMISED", module: "sfp_haveibeenpwned", weight: 5, from: pools(pEmail), val: (*gen).breach, risk: [2]int{50, 70}},
	{typ: "PASSWORD_COMPROMISED", module: "sfp_dehashed", weight: 1, from: pools(pEmail), val: (*gen).password, risk: [2]int{85, 95}},

	// Certificates and DNS.
	{typ: "SSL_CERTIFICATE_ISSUED", module: "sfp_sslcert", weight: 10, seq: true, from: pools(pHost), to: pools(pCert), val: (*gen).certIssued},
	{typ: "SSL_CERTIFICATE_ISSUER", module: "sfp_sslcert", weight: 9, seq: true, from: pools(pCert), val: (*gen).certIssuer},
	{typ: "SSL_CERTIFICATE_RAW", module: "sfp_sslcert", weight: 3, seq: true, from: pools(pCert), val: (*gen).certRaw},
	{typ: "SSL_CERTIFICATE_EXPIRED", module: "sfp_sslcert", weight: 1, seq: true, from: pools(pCert), val: (*gen).certExpired},
	{typ: "SSL_CERTIFICATE_EXPIRING", module: "sfp_sslcert", weight: 1, seq: true, from: pools(pCert), val: (*gen).certExpiring},
	{typ: "RAW_DNS_RECORDS", module: "sfp_dnsraw", weight: 15, seq: true, from: pools(pHost), val: (*gen).rawDNS},
	{typ: "MALICIOUS_INTERNET_NAME", module: "sfp_malwaredomains", weight: 2, from: pools(pHost), val: (*gen).maliciousHost, risk: [2]int{60, 90}},
	{typ: "MALICIOUS_INTERNET_NAME", module: "sfp_alienvault", weight: 1, from: pools(pHost), val: (*gen).otxHost, risk: [2]int{60, 85}},
	{typ: "DEFACED_INTERNET_NAME", module: "sfp_zoneh", weight: 1, from: pools(pHost), val: (*gen).defaced, risk: [2]int{70, 85}},

	// The domain itself: bounded, as a domain has one WHOIS record.
	{typ: "DOMAIN_REGISTRAR", module: "sfp_whois", weight: 30, seq: true, from: pools(pDomain), val: (*gen).registrar},
	{typ: "DOMAIN_WHOIS", module: "sfp_whois", weight: 30, seq: true, from: pools(pDomain), val: (*gen).whois},
	{typ: "DNS_TEXT", module: "sfp_dnsraw", weight: 10, seq: true, per: 4, from: pools(pDomain), val: (*gen).dnsText},
	{typ: "DNS_SPF", module: "sfp_dnsraw", weight: 10, seq: true, from: pools(pDomain), val: (*gen).spf},
	{typ: "PROVIDER_DNS", module: "sfp_dnsraw", weight: 10, seq: true, per: 4, from: pools(pDomain), val: (*gen).providerDNS},
	{typ: "PROVIDER_MAIL", module: "sfp_dnsraw", weight: 10, seq: true, per: 2, from: pools(pDomain), val: (*gen).providerMail},
	{typ: "SIMILARDOMAIN", module: "sfp_similar", weight: 8, seq: true, per: 30, from: pools(pDomain), val: (*gen).similar},
	{typ: "CLOUD_STORAGE_BUCKET", module: "sfp_s3bucket", weight: 5, seq: true, per: 6, from: pools(pDomain), to: pools(pBucket), val: (*gen).bucket},
	{typ: "CLOUD_STORAGE_BUCKET_OPEN", module: "sfp_s3bucket", weight: 3, seq: true, from: pools(pBucket), val: (*gen).bucketOpen, risk: [2]int{70, 80}},
}

// fallback is the rule used when no other rule has a parent: it attaches
// the base domain to a first event, so any target grows a tree.
var fallback = rule{typ: "INTERNET_NAME", module: "sfp_dnsresolve", to: pools(pHost, pDomain), val: (*gen).baseHost}

// modules returns the modules a generated scan enables, sorted.
func modules() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rules {
		if !seen[r.module] {
			seen[r.module] = true
			out = append(out, r.module)
		}
	}
	sortStrings(out)
	return out
}

func sortStrings(s []string) {
	// insertion sort: tiny lists, no extra import
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// Value makers. Each appends to g.buf.

func (g *gen) newHost(_ uint64) uint64 {
	k := 1 + g.rng.Uint64N(g.nHost)
	g.buf = g.host(g.buf, k)
	return k
}

// bruteHost favours the common labels a word list tries first.
func (g *gen) bruteHost(_ uint64) uint64 {
	n := g.nHost
	if g.rng.IntN(2) == 0 && n > uint64(len(hostLabels)) {
		n = uint64(len(hostLabels))
	}
	k := 1 + g.rng.Uint64N(n)
	g.buf = g.host(g.buf, k)
	return k
}

func (g *gen) baseHost(_ uint64) uint64 {
	g.buf = g.host(g.buf, 0)
	return 0
}

// urlHost is the host of a linked page, unless it is the target itself,
// which SpiderFoot does not report again.
func (g *gen) urlHost(k uint64) uint64 {
	if k>>24 == 0 {
		g.reject = true
		return 0
	}
	g.buf = g.host(g.buf, k>>24)
	return k >> 24
}

// hostIP resolves a host: always to the same address (or, for some hosts,
// one of two), with many hosts sharing addresses.
func (g *gen) hostIP(h uint64) uint64 {
	k := 1 + mix(h*2+g.salt)%g.nIP
	g.buf = g.ip(g.buf, k)
	return k
}

// hostIP2 is a host's second address (round-robin DNS).
func (g *gen) hostIP2(h uint64) uint64 {
	k := 1 + mix(h*2+1+g.salt)%g.nIP
	g.buf = g.ip(g.buf, k)
	return k
}

func (g *gen) hostIP6(h uint64) uint64 {
	g.buf = g.ip6(g.buf, h)
	return h
}

// openPort finds an open port: for the port scanner, a web port first,
// then SSH or the other web port, then any; for Shodan, any.
func (g *gen) openPort(ip uint64) uint64 {
	i := 0 // 443
	switch {
	case g.fromPool == pIP && g.seq && g.child == 0:
		if g.rng.IntN(5) == 0 {
			i = 1 // 80
		}
	case g.fromPool == pIP && g.seq && g.child == 1:
		i = 1 + g.rng.IntN(2) // 80 or 22
	default:
		x := g.rng.IntN(portTotal)
		for ; i < len(ports)-1; i++ {
			x -= ports[i].weight
			if x < 0 {
				break
			}
		}
	}
	g.buf = g.ip(g.buf, ip)
	g.buf = append(g.buf, ':')
	g.buf = append(g.buf, ports[i].n...)
	return ip<<8 | uint64(i)
}

func (g *gen) portBanner(k uint64) uint64 {
	ip, p := k>>8, ports[k&0xFF].n
	h := mix(ip)
	b := g.buf
	switch p {
	case "22":
		b = append(b, [...]string{"SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6", "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u2", "SSH-2.0-OpenSSH_7.4"}[h%3]...)
	case "21":
		b = append(b, "220 (vsFTPd 3.0.5)"...)
	case "25", "587":
		b = append(b, "220 mail."...)
		b = append(b, g.base...)
		b = append(b, " ESMTP Postfix (Ubuntu)"...)
	case "80", "443", "8080", "8443":
		s := &servers[h%uint64(len(servers))]
		b = append(b, "HTTP/1.1 200 OK\r\nServer: "...)
		b = append(b, s.banner...)
		b = append(b, "\r\nContent-Type: text/html; charset=UTF-8\r\nConnection: close\r\n"...)
	case "3306":
		b = append(b, "8.0.35 MySQL Community Server - GPL"...)
	case "5432":
		b = append(b, "PostgreSQL 15.4 (requires SSL)"...)
	case "6379":
		b = append(b, "-NOAUTH Authentication required."...)
	case "9200":
		b = append(b, `{"name":"es-node-1","cluster_name":"elasticsearch","version":{"number":"7.10.2"}}`...)
	case "3389":
		b = append(b, "Remote Desktop Protocol (NLA required)"...)
	case "53":
		b = append(b, "dnsmasq-2.89"...)
	default:
		b = append(b, "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN] Dovecot (Ubuntu) ready."...)
	}
	g.buf = b
	return k
}

func appendCIDR(b []byte, nb int) []byte {
	blk := &netblocks[nb]
	b = appendUint(b, uint64(blk.a))
	b = append(b, '.')
	b = appendUint(b, uint64(blk.b))
	b = append(b, ".0.0/"...)
	return appendUint(b, uint64(blk.bits))
}

func (g *gen) netblock(ip uint64) uint64 {
	nb, _ := g.ipParts(ip)
	g.buf = appendCIDR(g.buf, nb)
	return uint64(nb)
}

func (g *gen) asn(nb uint64) uint64 {
	g.buf = append(g.buf, netblocks[nb].asn...)
	return nb
}

func (g *gen) geo(ip uint64) uint64 {
	nb, off := g.ipParts(ip)
	geo := netblocks[nb].geo
	g.buf = append(g.buf, geo[off%uint64(len(geo))]...)
	return ip
}

func (g *gen) hosting(ip uint64) uint64 {
	nb, _ := g.ipParts(ip)
	g.buf = append(g.buf, netblocks[nb].provider...)
	g.buf = append(g.buf, ": "...)
	g.buf = appendCIDR(g.buf, nb)
	return ip
}

func (g *gen) cohost(_ uint64) uint64 {
	c := g.rng.Uint64N(g.nCohost)
	g.buf = appendCohost(g.buf, c)
	return c
}

func (g *gen) maliciousIP(ip uint64) uint64 {
	b := append(g.buf, "AlienVault OTX ["...)
	b = g.ip(b, ip)
	b = append(b, "]\n<SFURL>https://otx.alienvault.com/indicator/ip/"...)
	b = g.ip(b, ip)
	g.buf = append(b, "</SFURL>"...)
	return ip
}

func (g *gen) blacklistedIP(ip uint64) uint64 {
	b := append(g.buf, "Spamhaus (Zen) - Spammer ["...)
	b = g.ip(b, ip)
	b = append(b, "]\n<SFURL>https://check.spamhaus.org/results/?query="...)
	b = g.ip(b, ip)
	g.buf = append(b, "</SFURL>"...)
	return ip
}

func (g *gen) pickCVE(list []string, ip uint64) uint64 {
	g.buf = append(g.buf, list[g.rng.IntN(len(list))]...)
	return ip
}

func (g *gen) cveCritical(ip uint64) uint64 { return g.pickCVE(cvesCritical, ip) }
func (g *gen) cveHigh(ip uint64) uint64     { return g.pickCVE(cvesHigh, ip) }
func (g *gen) cveMedium(ip uint64) uint64   { return g.pickCVE(cvesMedium, ip) }
func (g *gen) cveLow(ip uint64) uint64      { return g.pickCVE(cvesLow, ip) }

// page picks a page of a site: the well-known pages often, deep ones else.
func (g *gen) page() uint64 {
	if g.rng.IntN(3) == 0 {
		return g.rng.Uint64N(uint64(len(sections)) * 2)
	}
	return g.rng.Uint64N(1 << 24)
}

func (g *gen) hostURL(h uint64) uint64 {
	k := h<<24 | g.page()
	g.buf = g.url(g.buf, k)
	return k
}

// linkedURL follows a link from a page: mostly to the same site, sometimes
// to another host of the target, which leads to new host names.
func (g *gen) linkedURL(u uint64) uint64 {
	h := u >> 24
	if g.rng.IntN(7) == 0 {
		h = g.rng.Uint64N(g.nHost + 1)
	}
	k := h<<24 | g.page()
	g.buf = g.url(g.buf, k)
	return k
}

func (g *gen) extURL(_ uint64) uint64 {
	var a uint64
	if g.rng.IntN(10) < 7 {
		a = g.rng.Uint64N(uint64(len(thirdParties)))
	} else {
		a = uint64(len(thirdParties)) + g.rng.Uint64N(g.nAff)
	}
	k := a<<20 | g.rng.Uint64N(1<<20)
	g.buf = appendExtURL(g.buf, k)
	return k
}

func (g *gen) affiliate(e uint64) uint64 {
	g.buf = appendAffHost(g.buf, e>>20)
	return e >> 20
}

func (g *gen) httpCode(u uint64) uint64 {
	x := g.rng.IntN(100)
	for _, c := range httpCodes {
		x -= c.weight
		if x < 0 {
			g.buf = append(g.buf, c.code...)
			return u
		}
	}
	g.buf = append(g.buf, "200"...)
	return u
}

func (g *gen) serverOf(u uint64) int { return int(mix(u>>24^g.salt) % uint64(len(servers))) }

// headers writes the response headers as sfp_spider does: a JSON object.
func (g *gen) headers(u uint64) uint64 {
	s := &servers[g.serverOf(u)]
	b := append(g.buf, `{"server": "`...)
	b = append(b, s.banner...)
	b = append(b, `", "date": "`...)
	b = g.now().UTC().AppendFormat(b, "Mon, 02 Jan 2006 15:04:05 GMT")
	b = append(b, `", "content-type": "text/html; charset=UTF-8", "x-frame-options": "SAMEORIGIN"`...)
	if mix(u)%3 != 0 {
		b = append(b, `, "strict-transport-security": "max-age=31536000; includeSubDomains"`...)
	}
	if strings.HasPrefix(s.tech, "PHP") || strings.HasPrefix(s.tech, "ASP") {
		b = append(b, `, "x-powered-by": "`...)
		b = append(b, s.tech...)
		b = append(b, '"')
	}
	g.buf = append(b, '}')
	return u
}

func (g *gen) webBanner(u uint64) uint64 {
	i := g.serverOf(u)
	g.buf = append(g.buf, servers[i].banner...)
	return uint64(i)
}

func (g *gen) technology(u uint64) uint64 {
	g.buf = append(g.buf, servers[g.serverOf(u)].tech...)
	return u
}

func (g *gen) cookie(u uint64) uint64 {
	b := g.buf
	switch s := servers[g.serverOf(u)].tech; {
	case strings.HasPrefix(s, "PHP"), strings.HasPrefix(s, "WordPress"):
		b = append(b, "PHPSESSID="...)
	case s == "ASP.NET":
		b = append(b, "ASP.NET_SessionId="...)
	case strings.HasPrefix(s, "JSP"):
		b = append(b, "JSESSIONID="...)
	default:
		b = append(b, "session="...)
	}
	b = appendHex(b, g.rng.Uint64(), 16)
	b = appendHex(b, g.rng.Uint64(), 10)
	g.buf = append(b, "; path=/; HttpOnly; Secure; SameSite=Lax"...)
	return u
}

func (g *gen) software(i uint64) uint64 {
	g.buf = append(g.buf, servers[i].software...)
	return i
}

// webContent writes a short HTML page: a raw, multi-line value.
func (g *gen) webContent(u uint64) uint64 {
	first, last, _ := person(mix(u) % 1600)
	b := append(g.buf, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>"...)
	b = append(b, g.company...)
	b = append(b, " | "...)
	b = append(b, sections[(u&(1<<24-1))%uint64(len(sections))]...)
	b = append(b, "</title>\n  <link rel=\"stylesheet\" href=\"/assets/css/site.css\">\n  <script src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"></script>\n</head>\n<body>\n  <nav><a href=\"/\">Home</a> <a href=\"/about\">About</a> <a href=\"/contact\">Contact</a></nav>\n  <main>\n    <h1>"...)
	b = append(b, g.company...)
	b = append(b, "</h1>\n    <p>Questions? Write to <a href=\"mailto:info@"...)
	b = append(b, g.base...)
	b = append(b, "\">info@"...)
	b = append(b, g.base...)
	b = append(b, "</a> or call +1 555-0100.</p>\n    <p>Contact: "...)
	b = append(b, first...)
	b = append(b, ' ')
	b = append(b, last...)
	b = append(b, ", Head of Communications</p>\n    <form action=\"/search\" method=\"get\"><input name=\"q\"></form>\n  </main>\n  <footer>&copy; 2026 "...)
	b = append(b, g.company...)
	b = append(b, ". All rights reserved.</footer>\n</body>\n</html>\n"...)
	g.buf = b
	return u
}

func (g *gen) contentType(u uint64) uint64 {
	g.buf = g.url(g.buf[:0], u)
	switch {
	case strings.HasSuffix(string(g.buf), ".pdf"):
		g.buf = append(g.buf[:0], "application/pdf"...)
	case strings.Contains(string(g.buf), "/api/"):
		g.buf = append(g.buf[:0], "application/json"...)
	default:
		g.buf = append(g.buf[:0], "text/html; charset=UTF-8"...)
	}
	return u
}

func (g *gen) sameURL(u uint64) uint64 {
	g.buf = g.url(g.buf, u)
	return u
}

func (g *gen) newEmail(_ uint64) uint64 {
	k := 1 + (g.rng.Uint64N(g.nPerson)<<2 | g.rng.Uint64N(3))
	g.buf = g.email(g.buf, k)
	return k
}

func (g *gen) roleEmail(_ uint64) uint64 {
	k := 1 + (g.rng.Uint64N(uint64(len(mailboxes)))<<2 | 3)
	g.buf = g.email(g.buf, k)
	return k
}

func (g *gen) humanName(k uint64) uint64 {
	if g.isTargetEmail(k) {
		// Names from the address itself: j.smith → J Smith.
		local := g.o.Target[:strings.LastIndexByte(g.o.Target, '@')]
		for i, part := range strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' || r == '-' }) {
			if i > 0 {
				g.buf = append(g.buf, ' ')
			}
			g.buf = append(g.buf, strings.ToUpper(part[:1])...)
			g.buf = append(g.buf, part[1:]...)
		}
		return g.targetPerson
	}
	var p uint64
	if g.fromPool == pEmail && (k == 0 || (k-1)&3 != 3) {
		p = g.emailPerson(k)
	} else {
		p = g.rng.Uint64N(g.nPerson)
	}
	g.buf = appendHumanName(g.buf, p)
	return p
}

func (g *gen) phone(_ uint64) uint64 {
	b := g.buf
	x := g.rng.Uint64N(100)
	if g.rng.IntN(3) == 0 {
		b = append(b, "+44 20 7946 0"...)
		b = append(b, byte('0'+x/10), byte('0'+x%10))
		b = append(b, byte('0'+g.rng.IntN(10)))
	} else {
		b = append(b, "+1 555-01"...)
		b = append(b, byte('0'+x/10), byte('0'+x%10))
	}
	g.buf = b
	return x
}

func (g *gen) account(k uint64) uint64 {
	p := k
	if g.fromPool == pEmail {
		p = g.emailPerson(k)
	}
	a := &accounts[g.rng.IntN(len(accounts))]
	if g.fromPool == pEmailTarget {
		a = &accounts[(g.child+int(g.salt%7))%len(accounts)]
	}
	b := append(g.buf, a.site...)
	b = append(b, " (Category: "...)
	b = append(b, a.category...)
	b = append(b, ")\n<SFURL>"...)
	b = append(b, a.url...)
	if g.isTargetEmail(k) {
		local := g.o.Target[:strings.LastIndexByte(g.o.Target, '@')]
		b = append(b, strings.ReplaceAll(local, ".", "")...)
	} else {
		b = appendUsername(b, p)
	}
	g.buf = append(b, "</SFURL>"...)
	return p
}

// isTargetEmail reports whether the current parent is the target address.
func (g *gen) isTargetEmail(k uint64) bool {
	return g.targetIsEmail && k == 0 && (g.fromPool == pEmailTarget || g.fromPool == pEmail)
}

func (g *gen) breach(e uint64) uint64 {
	b := g.email(g.buf, e)
	b = append(b, " ["...)
	if g.fromPool == pEmailTarget {
		b = append(b, breaches[(g.child*5+int(g.salt%11))%len(breaches)]...)
	} else {
		b = append(b, breaches[g.rng.IntN(len(breaches))]...)
	}
	g.buf = append(b, ']')
	return e
}

func (g *gen) password(e uint64) uint64 {
	b := g.email(g.buf, e)
	b = append(b, ':')
	b = append(b, passwords[g.rng.IntN(len(passwords))]...)
	b = append(b, " ["...)
	b = append(b, breaches[g.rng.IntN(len(breaches))]...)
	g.buf = append(b, ']')
	return e
}

func (g *gen) certIssued(h uint64) uint64 {
	b := append(g.buf, "CN="...)
	if mix(h^g.salt)%4 == 0 {
		b = append(b, "*."...)
		h = 0
	}
	g.buf = g.host(b, h)
	return h
}

func (g *gen) certIssuer(h uint64) uint64 {
	g.buf = append(g.buf, issuers[mix(h^g.salt)%uint64(len(issuers))]...)
	return h
}

// certRaw writes a PEM block: base64-looking lines of a fixed width.
func (g *gen) certRaw(h uint64) uint64 {
	const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	b := append(g.buf, "-----BEGIN CERTIFICATE-----\nMIIF"...)
	for line := 0; line < 12; line++ {
		n := 64
		if line == 0 {
			n = 60
		}
		for i := 0; i < n; i += 10 {
			x := g.rng.Uint64()
			for j := 0; j < 10 && i+j < n; j++ {
				b = append(b, b64[x&63])
				x >>= 6
			}
		}
		b = append(b, '\n')
	}
	g.buf = append(b, "-----END CERTIFICATE-----"...)
	return h
}

func (g *gen) certExpired(h uint64) uint64 {
	b := append(g.buf, "Not After: "...)
	b = g.now().AddDate(0, -1-g.rng.IntN(20), -g.rng.IntN(28)).UTC().AppendFormat(b, "Jan _2 15:04:05 2006 GMT")
	b = append(b, " (CN="...)
	b = g.host(b, h)
	g.buf = append(b, ')')
	return h
}

func (g *gen) certExpiring(h uint64) uint64 {
	b := append(g.buf, "Not After: "...)
	b = g.now().AddDate(0, 0, 3+g.rng.IntN(25)).UTC().AppendFormat(b, "Jan _2 15:04:05 2006 GMT")
	b = append(b, " (CN="...)
	b = g.host(b, h)
	g.buf = append(b, ')')
	return h
}

// rawDNS writes the records of a host, one per line, zone-file style.
func (g *gen) rawDNS(h uint64) uint64 {
	b := g.host(g.buf, h)
	b = append(b, ".\t300\tIN\tA\t"...)
	b = g.ip(b, 1+mix(h*2+g.salt)%g.nIP)
	if mix(h)%3 == 0 {
		b = append(b, '\n')
		b = g.host(b, h)
		b = append(b, ".\t300\tIN\tAAAA\t"...)
		b = g.ip6(b, h)
	}
	if h == 0 {
		b = append(b, '\n')
		b = append(b, g.base...)
		b = append(b, ".\t3600\tIN\tMX\t10 "...)
		b = append(b, mailProviders[0]...)
		b = append(b, ".\n"...)
		b = append(b, g.base...)
		b = append(b, ".\t3600\tIN\tTXT\t\"v=spf1 include:_spf.google.com ~all\""...)
	} else if mix(h)%5 == 1 {
		b = append(b, '\n')
		b = g.host(b, h)
		b = append(b, ".\t300\tIN\tCNAME\t"...)
		b = appendHostLabel(b, h)
		b = append(b, ".cdn.cloudflare.net."...)
	}
	g.buf = b
	return h
}

func (g *gen) maliciousHost(h uint64) uint64 {
	b := append(g.buf, "Malware Domain List ["...)
	b = g.host(b, h)
	b = append(b, "]\n<SFURL>https://www.malwaredomainlist.com/mdl.php?search="...)
	b = g.host(b, h)
	g.buf = append(b, "</SFURL>"...)
	return h
}

func (g *gen) otxHost(h uint64) uint64 {
	b := append(g.buf, "AlienVault OTX ["...)
	b = g.host(b, h)
	b = append(b, "]\n<SFURL>https://otx.alienvault.com/indicator/hostname/"...)
	b = g.host(b, h)
	g.buf = append(b, "</SFURL>"...)
	return h
}

func (g *gen) defaced(h uint64) uint64 {
	b := append(g.buf, "Zone-H: "...)
	b = g.host(b, h)
	b = append(b, " defaced\n<SFURL>https://www.zone-h.org/mirror/id/"...)
	b = appendUint(b, 38000000+g.rng.Uint64N(1000000))
	g.buf = append(b, "</SFURL>"...)
	return h
}

func (g *gen) registrar(h uint64) uint64 {
	g.buf = append(g.buf, registrars[mix(g.salt)%uint64(len(registrars))]...)
	return h
}

// whois writes a raw WHOIS record: long and multi-line.
func (g *gen) whois(h uint64) uint64 {
	reg := registrars[mix(g.salt)%uint64(len(registrars))]
	created := g.now().AddDate(-12-int(mix(g.salt)%9), -int(mix(g.salt+1)%12), 0).UTC()
	b := append(g.buf, "Domain Name: "...)
	b = append(b, strings.ToUpper(g.base)...)
	b = append(b, "\nRegistry Domain ID: "...)
	b = appendUint(b, 2000000000+mix(g.salt)%99999999)
	b = append(b, "_DOMAIN_COM-VRSN\nRegistrar WHOIS Server: whois.example-registrar.net\nUpdated Date: "...)
	b = g.now().AddDate(0, -3, 0).UTC().AppendFormat(b, "2006-01-02T15:04:05Z")
	b = append(b, "\nCreation Date: "...)
	b = created.AppendFormat(b, "2006-01-02T15:04:05Z")
	b = append(b, "\nRegistry Expiry Date: "...)
	b = created.AddDate(15, 0, 0).AppendFormat(b, "2006-01-02T15:04:05Z")
	b = append(b, "\nRegistrar: "...)
	b = append(b, reg...)
	b = append(b, "\nRegistrar Abuse Contact Email: abuse@example-registrar.net\nRegistrar Abuse Contact Phone: +1.5550100\nDomain Status: clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited\nDomain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited\n"...)
	for _, ns := range dnsProviders {
		b = append(b, "Name Server: "...)
		b = append(b, strings.ToUpper(ns)...)
		b = append(b, '\n')
	}
	b = append(b, "DNSSEC: unsigned\nRegistrant Organization: "...)
	b = append(b, g.company...)
	b = append(b, "\nRegistrant Country: US\n>>> Last update of whois database: "...)
	b = g.now().UTC().AppendFormat(b, "2006-01-02T15:04:05Z")
	g.buf = append(b, " <<<"...)
	return h
}

func (g *gen) dnsText(h uint64) uint64 {
	g.buf = append(g.buf, txtRecords[(uint64(g.child)+mix(g.salt))%uint64(len(txtRecords))]...)
	return h
}

func (g *gen) spf(h uint64) uint64 {
	g.buf = append(g.buf, "v=spf1 include:_spf.google.com include:mailgun.org include:servers.mcsv.net ip4:"...)
	g.buf = g.ip(g.buf, 1+mix(g.salt)%g.nIP)
	g.buf = append(g.buf, " ~all"...)
	return h
}

func (g *gen) providerDNS(h uint64) uint64 {
	g.buf = append(g.buf, dnsProviders[g.child%len(dnsProviders)]...)
	return h
}

func (g *gen) providerMail(h uint64) uint64 {
	g.buf = append(g.buf, mailProviders[g.child%len(mailProviders)]...)
	return h
}

// similar writes a look-alike of the base domain: another TLD, or a typo.
func (g *gen) similar(h uint64) uint64 {
	label, tld := g.base, ""
	if i := strings.IndexByte(label, '.'); i > 0 {
		label, tld = label[:i], label[i:]
	}
	c := g.child
	b := g.buf
	switch {
	case c < len(similarSuffixes):
		b = append(b, label...)
		b = append(b, similarSuffixes[c]...)
	default:
		c -= len(similarSuffixes)
		j := c / 2 % len(label)
		if c%2 == 0 { // omission
			b = append(b, label[:j]...)
			b = append(b, label[j+1:]...)
		} else { // repetition
			b = append(b, label[:j+1]...)
			b = append(b, label[j:]...)
		}
		b = append(b, tld...)
	}
	g.buf = b
	return h
}

func (g *gen) bucketName(b []byte, i uint64) []byte {
	label := g.base
	if j := strings.IndexByte(label, '.'); j > 0 {
		label = label[:j]
	}
	b = append(b, label...)
	b = append(b, '-')
	b = append(b, buckets[i%uint64(len(buckets))]...)
	return append(b, ".s3.amazonaws.com"...)
}

func (g *gen) bucket(_ uint64) uint64 {
	i := uint64(g.child)
	g.buf = g.bucketName(g.buf, i)
	if i%3 != 1 {
		g.noPush = true // only some buckets are open
	}
	return i
}

func (g *gen) bucketOpen(i uint64) uint64 {
	b := g.bucketName(g.buf, i)
	b = append(b, ": "...)
	b = appendUint(b, 3+mix(i^g.salt)%400)
	g.buf = append(b, " files found."...)
	return i
}
