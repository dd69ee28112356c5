package sample

import (
	"github.com/scanreport/scanreport/scan"
)

// secret is a made-up credential of n hex digits, from the scan's seed.
func (g *gen) secret(n int) string {
	b := make([]byte, 0, n)
	for len(b) < n {
		b = appendHex(b, g.rng.Uint64(), min(16, n-len(b)))
	}
	return string(b)
}

// settings is settings.toml: SpiderFoot's global options and the options of
// every enabled module, API keys and passwords included (a report meant to
// be shared must mask them).
func (g *gen) settings() scan.Settings {
	s := scan.Settings{Global: []scan.Setting{
		{Key: "user_agent", Value: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0"},
		{Key: "dns_server", Value: "1.1.1.1"},
		{Key: "fetch_timeout_seconds", Value: "5"},
		{Key: "max_threads", Value: "3"},
		{Key: "max_storage", Value: "1024"},
		{Key: "internet_tlds_url", Value: "https://publicsuffix.org/list/effective_tld_names.dat"},
		{Key: "internet_tlds_cache_hours", Value: "72"},
		{Key: "generic_usernames", Value: "abuse,admin,billing,compliance,devnull,dns,ftp,hostmaster,noc,noreply,postmaster,privacy,root,sales,security,support,sysadmin,webmaster,www"},
		{Key: "socks_type", Value: "5"},
		{Key: "socks_host", Value: "proxy.internal.example"},
		{Key: "socks_port", Value: "1080"},
		{Key: "socks_username", Value: "scanproxy"},
		{Key: "socks_password", Value: g.secret(20)},
		{Key: "debug", Value: "false"},
	}}
	for _, m := range modules() {
		s.Modules = append(s.Modules, scan.ModuleSettings{Module: m, Settings: g.moduleSettings(m)})
	}
	return s
}

func (g *gen) moduleSettings(m string) []scan.Setting {
	set := func(kv ...string) []scan.Setting {
		out := make([]scan.Setting, 0, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			out = append(out, scan.Setting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	switch m {
	case "sfp_dnsresolve":
		return set("validatereverse", "true", "skipcommononwildcard", "true", "netblocklookup", "true", "maxnetblock", "24", "maxv6netblock", "120")
	case "sfp_dnsbrute":
		return set("skipcommonwildcard", "true", "domainonly", "true", "commons", "true", "top10000", "false", "numbersuffix", "true", "numbersuffixlimit", "true")
	case "sfp_crt":
		return set("verify", "true", "fetchcerts", "true")
	case "sfp_sslcert":
		return set("tryhttp", "true", "ssltimeout", "10", "certexpiringdays", "30")
	case "sfp_spider":
		return set("robotsonly", "false", "pausesec", "0", "maxpages", "100", "maxlevels", "3", "usecookies", "true",
			"start", "http://,https://", "filterfiles", "png,gif,jpg,jpeg,tiff,tif,ico,flv,mp4,mp3,avi,mpg,mpeg,dat,mov,swf,exe,bin",
			"filtermime", "image/", "filterusers", "true", "nosubs", "false", "reportduplicates", "false")
	case "sfp_portscan_tcp":
		return set("ports", "21,22,23,25,53,80,110,143,443,465,587,993,995,1433,3306,3389,5432,6379,8080,8443,9200,27017",
			"timeout", "15", "maxthreads", "10", "randomize", "true", "netblockscan", "true", "netblockscanmax", "24")
	case "sfp_shodan":
		return set("api_key", g.secret(32), "netblocklookup", "true", "maxnetblock", "24")
	case "sfp_alienvault":
		return set("api_key", g.secret(64), "verify", "true", "reputation_age_limit_days", "30", "cohost_age_limit_days", "30", "maxcohost", "100")
	case "sfp_haveibeenpwned":
		return set("api_key", g.secret(32), "api_version", "3")
	case "sfp_dehashed":
		return set("api_key_username", "secops@example.org", "api_key", g.secret(32), "per_page", "10000", "max_pages", "2", "pause", "1")
	case "sfp_ipinfo":
		return set("api_key", g.secret(14))
	case "sfp_hackertarget":
		return set("cohostsamedomain", "false", "verify", "true", "maxcohost", "100", "http_headers", "false")
	case "sfp_spamhaus":
		return set("netblocklookup", "true", "maxnetblock", "24", "subnetlookup", "true", "maxsubnet", "24")
	case "sfp_malwaredomains":
		return set("checkaffiliates", "true", "checkcohosts", "true", "cacheperiod", "18")
	case "sfp_zoneh":
		return set("checkcohosts", "true", "checkaffiliates", "true")
	case "sfp_bgpview":
		return set("verify", "true")
	case "sfp_hosting":
		return set("checkcohosts", "true")
	case "sfp_accounts":
		return set("ignorenamedict", "true", "ignoreworddict", "true", "musthavename", "true", "userfromemail", "true", "permutate", "false")
	case "sfp_names":
		return set("algolimit", "75", "emailtoname", "true", "filterjscss", "true")
	case "sfp_phone":
		return set()
	case "sfp_email":
		return set()
	case "sfp_similar":
		return set("skipwildcards", "true")
	case "sfp_s3bucket":
		return set("endpoints", "s3.amazonaws.com,s3-external-1.amazonaws.com,s3-us-west-1.amazonaws.com,s3-eu-west-1.amazonaws.com",
			"suffixes", "test,dev,web,beta,bucket,space,files,content,data,prod,staging,production,stage,app,media,development,-test,-dev,-web,-beta")
	case "sfp_whois":
		return set("whoisxml_api_key", g.secret(32))
	case "sfp_dnsraw":
		return set("verify", "true")
	case "sfp_cookie", "sfp_webserver", "sfp_webframework":
		return set()
	}
	return set()
}
