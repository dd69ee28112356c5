(window.__sr=window.__sr||[]).push(
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "vulnerability_cve_critical",
 "seq": 0,
 "n": 1,
 "i": [
  1370
 ],
 "id": [
  "e1370"
 ],
 "d": [
  "CVE-2023-34362"
 ],
 "s": [
  199
 ],
 "sd": [
  "34.96.164.27"
 ],
 "m": [
  19
 ],
 "t": [
  1795278732181
 ],
 "r": [
  91
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
