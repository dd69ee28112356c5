packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "defaced_internet_name",
 "seq": 0,
 "n": 1,
 "i": [
  609
 ],
 "id": [
  "e609"
 ],
 "d": [
  "Zone-H: m.globex.example defaced\n\u003cSFURL\u003ehttps://www.zone-h.org/mirror/id/38018017\u003c/SFURL\u003e"
 ],
 "s": [
  593
 ],
 "sd": [
  "m.globex.example"
 ],
 "m": [
  28
 ],
 "t": [
  1795531638201
 ],
 "r": [
  81
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
