package sample

// Word lists the generator draws values from. Everything here is fixed so
// that output depends only on the seed.

// hostLabels are common sub-domain labels, in the rough order a brute-force
// list or certificate logs turn them up.
var hostLabels = []string{
	"www", "mail", "vpn", "api", "dev", "staging", "portal", "shop", "blog", "cdn",
	"static", "assets", "admin", "intranet", "remote", "owa", "autodiscover", "ftp", "ns1", "ns2",
	"mx1", "mx2", "git", "jira", "confluence", "jenkins", "grafana", "status", "docs", "support",
	"helpdesk", "crm", "sso", "login", "auth", "m", "mobile", "app", "beta", "demo",
	"old", "legacy", "backup", "db", "monitor", "files", "media", "img", "news", "careers",
	"partners", "investors", "secure", "pay", "billing", "webmail", "sftp", "citrix", "exchange", "test",
}

// hostEnvs are extra labels for deeper names (api3.eu.acme-corp.example).
var hostEnvs = []string{"eu", "us", "ap", "int", "prod", "qa", "uat", "corp"}

// sections are first path segments of internal URLs.
var sections = []string{
	"", "about", "contact", "products", "blog", "news", "careers", "support", "docs", "login",
	"account", "cart", "search", "static", "assets", "api/v1", "downloads", "legal", "partners", "investors",
}

// netblock is one provider range IP addresses are drawn from.
type netblock struct {
	a, b     byte   // first two octets of the base address
	bits     int    // prefix length (15 or 16)
	asn      string // BGP_AS_OWNER data
	owner    string // NETBLOCK_OWNER description, used in logs
	provider string // PROVIDER_HOSTING data
	geo      []string
}

var netblocks = []netblock{
	{52, 84, 15, "16509", "AMAZON-02", "Amazon AWS", []string{"Seattle, Washington, United States", "Ashburn, Virginia, United States", "Dublin, Leinster, Ireland"}},
	{104, 16, 16, "13335", "CLOUDFLARENET", "Cloudflare", []string{"San Francisco, California, United States", "London, England, United Kingdom"}},
	{34, 96, 16, "396982", "GOOGLE-CLOUD-PLATFORM", "Google Cloud", []string{"Council Bluffs, Iowa, United States", "St. Ghislain, Hainaut, Belgium"}},
	{88, 198, 16, "24940", "HETZNER-AS", "Hetzner Online", []string{"Falkenstein, Saxony, Germany", "Nuremberg, Bavaria, Germany"}},
	{51, 68, 16, "16276", "OVH", "OVHcloud", []string{"Roubaix, Hauts-de-France, France", "Gravelines, Hauts-de-France, France"}},
	{159, 89, 16, "14061", "DIGITALOCEAN-ASN", "DigitalOcean", []string{"Frankfurt am Main, Hesse, Germany", "Amsterdam, North Holland, Netherlands"}},
	{23, 32, 16, "20940", "AKAMAI-ASN1", "Akamai", []string{"Cambridge, Massachusetts, United States"}},
	{20, 36, 16, "8075", "MICROSOFT-CORP-MSN-AS-BLOCK", "Microsoft Azure", []string{"Boydton, Virginia, United States", "Amsterdam, North Holland, Netherlands"}},
	{151, 101, 16, "54113", "FASTLY", "Fastly", []string{"San Francisco, California, United States"}},
	{172, 104, 15, "63949", "AKAMAI-LINODE-AP", "Linode", []string{"Newark, New Jersey, United States", "Singapore, Central Singapore, Singapore"}},
}

// port is one TCP port the port scanner finds open, with its weight.
type port struct {
	n      string
	weight int
}

var ports = []port{
	{"443", 30}, {"80", 28}, {"22", 12}, {"8080", 5}, {"8443", 4}, {"25", 4}, {"21", 2}, {"3389", 2},
	{"3306", 2}, {"5432", 1}, {"53", 2}, {"587", 2}, {"993", 2}, {"995", 1}, {"6379", 1}, {"9200", 1},
}

var portTotal = func() (n int) {
	for _, p := range ports {
		n += p.weight
	}
	return n
}()

// server is one web server product: its banner, the SOFTWARE_USED value
// derived from it and a technology it is often seen with.
type server struct {
	banner, software, tech string
}

var servers = []server{
	{"nginx/1.24.0", "nginx 1.24.0", "PHP/8.2.12"},
	{"nginx/1.18.0 (Ubuntu)", "nginx 1.18.0", "PHP/7.4.33"},
	{"Apache/2.4.57 (Debian)", "Apache httpd 2.4.57", "PHP/8.1.27"},
	{"Apache/2.4.41 (Ubuntu)", "Apache httpd 2.4.41", "WordPress 6.4.2"},
	{"Microsoft-IIS/10.0", "Microsoft IIS 10.0", "ASP.NET"},
	{"cloudflare", "Cloudflare", "Next.js"},
	{"openresty/1.21.4.2", "OpenResty 1.21.4.2", "Express"},
	{"Apache-Coyote/1.1", "Apache Tomcat", "JSP/2.3"},
	{"AmazonS3", "Amazon S3", "React"},
	{"LiteSpeed", "LiteSpeed Web Server", "WordPress 6.3.1"},
}

var frameworks = []string{"jQuery 3.6.0", "jQuery 1.12.4", "React", "Angular", "Vue.js", "Bootstrap 4.6.2", "WordPress", "Drupal 10"}

var firstNames = []string{
	"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
	"William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
	"Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra", "Mark", "Ashley", "Priya", "Wei",
	"Olga", "Ahmed", "Lucia", "Kenji", "Fatima", "Lars", "Chloé", "Mateo", "Aisha", "Jörg",
}

var lastNames = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
	"Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
	"Perez", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
	"Patel", "Nguyen", "Kowalski", "Müller", "Rossi", "Novak", "Sato", "Okafor", "Larsen", "O'Brien",
}

var mailboxes = []string{"info", "security", "sales", "support", "hr", "press", "privacy", "abuse", "noc", "webmaster", "careers", "billing"}

var breaches = []string{
	"LinkedIn", "Adobe", "Dropbox", "Canva", "MyFitnessPal", "Collection #1", "Apollo",
	"Verifications.io", "Zynga", "Dubsmash", "Exactis", "Twitter (200M)", "Deezer", "Trello",
}

var passwords = []string{"Summer2019!", "Welcome1", "P@ssw0rd", "acme2020", "Winter2021#", "qwerty123", "letmein!", "Dragon1987"}

// account is a site sfp_accounts checks, with SpiderFoot's category label.
type account struct {
	site, category, url string
}

var accounts = []account{
	{"GitHub", "coding", "https://github.com/"},
	{"GitLab", "coding", "https://gitlab.com/"},
	{"Twitter", "social", "https://twitter.com/"},
	{"Instagram", "social", "https://www.instagram.com/"},
	{"Reddit", "news", "https://www.reddit.com/user/"},
	{"Keybase", "tech", "https://keybase.io/"},
	{"Medium", "blog", "https://medium.com/@"},
	{"Docker Hub", "coding", "https://hub.docker.com/u/"},
	{"Gravatar", "images", "https://en.gravatar.com/"},
	{"SlideShare", "business", "https://www.slideshare.net/"},
}

// thirdParties are the external hosts a web site links to.
var thirdParties = []string{
	"cdn.jsdelivr.net", "fonts.googleapis.com", "www.googletagmanager.com", "github.com", "www.linkedin.com",
	"twitter.com", "www.facebook.com", "www.youtube.com", "cdnjs.cloudflare.com", "js.stripe.com",
	"www.google-analytics.com", "maps.google.com", "player.vimeo.com", "www.instagram.com", "status.atlassian.com",
}

var adjectives = []string{"blue", "silver", "rapid", "north", "bright", "green", "quiet", "golden", "urban", "swift", "lunar", "cedar"}
var nouns = []string{"harbor", "media", "labs", "systems", "garden", "design", "travel", "bakery", "studio", "dental", "logistics", "ventures"}
var cohostTLDs = []string{".example.com", ".example.net", ".example.org", ".test"}

var registrars = []string{"MarkMonitor Inc.", "GoDaddy.com, LLC", "Gandi SAS", "NameCheap, Inc.", "CSC Corporate Domains, Inc."}

var dnsProviders = []string{"ns-1024.awsdns-00.org", "ns-512.awsdns-00.net", "ns-1536.awsdns-00.co.uk", "ns-0.awsdns-00.com"}
var mailProviders = []string{"aspmx.l.google.com", "alt1.aspmx.l.google.com"}

var txtRecords = []string{
	"google-site-verification=Zx3k9QvP1mT7rLw2bN8cYd4FhJ6sA0eG5uKiO_pVqRs",
	"MS=ms48213957",
	"atlassian-domain-verification=4Hq8pLz2XwR7nV1mK9tB3cY6",
	"docusign=1b7e4c92-5a3f-4d8e-9c21-6f0a2b8d7e15",
	"apple-domain-verification=Qm7RtX2pL9vK4zN8",
	"facebook-domain-verification=9x2kq7m4r1v8z3c6p5t0",
}

// cves lists CVE identifiers by severity, as sfp_shodan reports them.
var (
	cvesCritical = []string{"CVE-2021-44228", "CVE-2022-22965", "CVE-2023-34362", "CVE-2024-3400", "CVE-2023-4966", "CVE-2019-19781"}
	cvesHigh     = []string{"CVE-2021-41773", "CVE-2023-44487", "CVE-2022-0778", "CVE-2021-23017", "CVE-2016-2183", "CVE-2023-25690"}
	cvesMedium   = []string{"CVE-2020-11022", "CVE-2019-11358", "CVE-2023-48795", "CVE-2021-3449", "CVE-2022-4304"}
	cvesLow      = []string{"CVE-2015-4000", "CVE-2023-51385", "CVE-2021-36368"}
)

var httpCodes = []struct {
	code   string
	weight int
}{{"200", 70}, {"301", 8}, {"302", 6}, {"404", 9}, {"403", 4}, {"500", 2}, {"503", 1}}

var issuers = []string{
	"C=US, O=Let's Encrypt, CN=R11",
	"C=US, O=Let's Encrypt, CN=E5",
	"C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1",
	"C=US, O=Amazon, CN=Amazon RSA 2048 M02",
	"C=BE, O=GlobalSign nv-sa, CN=GlobalSign GCC R3 DV TLS CA 2020",
}

var buckets = []string{"backups", "assets", "static", "logs", "media", "uploads", "data", "public", "dev", "archive"}

var similarSuffixes = []string{".com", ".net", ".org", ".co", ".io", ".info", ".biz", "-login.com", "-support.com", "-secure.net"}
