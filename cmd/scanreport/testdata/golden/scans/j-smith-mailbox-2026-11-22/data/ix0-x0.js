packed data file holding:
{
 "k": "ixx",
 "scan": "j-smith-mailbox-2026-11-22",
 "gen": 0,
 "shard": 0,
 "n": 54
}
its body, hashes: y7qrH7+VkoYB65a9GuOi3Qn33pouw7e+DO+RhVDXkuAFqv/aQILdkRWOzOAM77C6abiE7gjw2JwZ+5aWLc74xAPGvb8txs3LQK3X4U6I/YkllI6pN9TS6Dbx8boqmJ7OIsHbvzyYvZcT+pScHNeT1wvniLLmAdrJ7SSToIs256qMDumY7gyX9uYC1OWwMpqZgw7Pj/E8vJKsAvi7px7yquAUoPHfBOjTFP+55RLPvmiY+IAIir3fCJaczAL45u9u5/+YEOvadK216gqD8P03msOiG6bahRU=
blocks: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
