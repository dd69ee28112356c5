packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "webserver_httpheaders",
 "seq": 0,
 "n": 1,
 "i": [
  56
 ],
 "id": [
  "e56"
 ],
 "d": [
  "{\"server\": \"Apache-Coyote/1.1\", \"date\": \"Sun, 22 Nov 2026 11:21:20 GMT\", \"content-type\": \"text/html; charset=UTF-8\", \"x-frame-options\": \"SAMEORIGIN\", \"strict-transport-security\": \"max-age=31536000; includeSubDomains\"}"
 ],
 "s": [
  21
 ],
 "sd": [
  "https://acme-corp.example/account"
 ],
 "m": [
  12
 ],
 "t": [
  1795346481755
 ],
 "r": [
  0
 ],
 "c": [
  100
 ],
 "v": [
  100
 ],
 "f": [
  0
 ]
}
