(window.__sr=window.__sr||[]).push(
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "vulnerability_cve_critical",
 "seq": 0,
 "n": 1,
 "i": [
  22
 ],
 "id": [
  "e22"
 ],
 "d": [
  "CVE-2019-19781"
 ],
 "s": [
  14
 ],
 "sd": [
  "172.105.44.7"
 ],
 "m": [
  13
 ],
 "t": [
  1795346243704
 ],
 "r": [
  93
 ],
 "c": [
  100
 ],
 "v": [
  100
 ],
 "f": [
  1
 ]
}
);
