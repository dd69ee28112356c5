(window.__sr=window.__sr||[]).push(
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "vulnerability_cve_medium",
 "seq": 0,
 "n": 1,
 "i": [
  449
 ],
 "id": [
  "e449"
 ],
 "d": [
  "CVE-2019-11358"
 ],
 "s": [
  399
 ],
 "sd": [
  "88.198.75.116"
 ],
 "m": [
  12
 ],
 "t": [
  1795531350986
 ],
 "r": [
  67
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
