#!/bin/sh
# EXAMPLE lookup for scanreport's Explore (docs/investigations.md, "Lookups").
#
# It looks nothing up: it derives FAKE child elements from the element it is
# given, offline and deterministically, so that the lookup protocol can be
# tried out and tested without a network. Use it as the skeleton of a real
# lookup (a DNS query, an API call …).
#
# Usage: example-lookup.sh TYPE VALUE
#   TYPE   the element's SpiderFoot type code (INTERNET_NAME, EMAILADDR …)
#   VALUE  the element's value, one argument, exactly as found (untrusted)
#
# Protocol: print one JSON object per line on standard output, each an
# element: {"type": "...", "data": "..."} with optional "risk",
# "confidence" and "visibility" (0-100). scanreport gives each an id, makes
# it a child of the element looked up, and ignores any "id" or "source".
# Anything on standard error is shown if the command fails (exit status
# other than 0).
#
# Configure it in config.toml:
#   [[lookups.command]]
#   name = "example"
#   label = "Example lookup (fake data)"
#   types = ["*"]
#   argv = ["examples/lookups/example-lookup.sh", "{type}", "{data}"]
set -eu

if [ "$#" -ne 2 ]; then
	echo "usage: $0 TYPE VALUE" >&2
	exit 2
fi
type=$1
value=$2

case "$type" in
*[!A-Z0-9_]* | "")
	echo "not an element type code: $type" >&2
	exit 2
	;;
esac

# A number derived from the value: the same value always gives the same
# children. The value itself is never echoed (it could hold anything).
sum=$(printf '%s' "$value" | cksum | cut -d ' ' -f 1)
a=$((sum % 250 + 1))
b=$((sum / 250 % 250 + 1))
len=$(printf '%s' "$value" | wc -c | tr -d ' ')

# 192.0.2.0/24 and 198.51.100.0/24 are documentation ranges (RFC 5737).
case "$type" in
INTERNET_NAME | DOMAIN_NAME | AFFILIATE_INTERNET_NAME | CO_HOSTED_SITE)
	printf '{"type":"IP_ADDRESS","data":"192.0.2.%d"}\n' "$a"
	printf '{"type":"IP_ADDRESS","data":"198.51.100.%d"}\n' "$b"
	printf '{"type":"DNS_TEXT","data":"v=spf1 include:example-lookup.invalid ~all (fake, from a %s of %s bytes)"}\n' "$type" "$len"
	;;
IP_ADDRESS)
	printf '{"type":"NETBLOCK_OWNER","data":"192.0.2.0/24"}\n'
	printf '{"type":"TCP_PORT_OPEN","data":"192.0.2.%d:443"}\n' "$a"
	;;
EMAILADDR)
	printf '{"type":"ACCOUNT_EXTERNAL_OWNED","data":"Example Forum (fake account %d)"}\n' "$sum"
	printf '{"type":"EMAILADDR_COMPROMISED","data":"Example Breach %d (fake)","risk":60}\n' "$((sum % 9 + 2015))"
	;;
*)
	printf '{"type":"RAW_RIR_DATA","data":"example lookup of a %s value, %s bytes, checksum %s (fake)"}\n' "$type" "$len" "$sum"
	;;
esac
