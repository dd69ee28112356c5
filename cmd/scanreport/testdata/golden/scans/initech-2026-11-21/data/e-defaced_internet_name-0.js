packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "defaced_internet_name",
 "seq": 0,
 "n": 1,
 "i": [
  247
 ],
 "id": [
  "e247"
 ],
 "d": [
  "Zone-H: mobile.initech.example defaced\n\u003cSFURL\u003ehttps://www.zone-h.org/mirror/id/38926806\u003c/SFURL\u003e"
 ],
 "s": [
  156
 ],
 "sd": [
  "mobile.initech.example"
 ],
 "m": [
  26
 ],
 "t": [
  1795277383351
 ],
 "r": [
  75
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
