(window.__sr=window.__sr||[]).push(
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "vulnerability_cve_critical",
 "seq": 0,
 "n": 1,
 "i": [
  1719
 ],
 "id": [
  "e1719"
 ],
 "d": [
  "CVE-2023-4966"
 ],
 "s": [
  1564
 ],
 "sd": [
  "52.85.43.178"
 ],
 "m": [
  8
 ],
 "t": [
  1794993859082
 ],
 "r": [
  95
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
