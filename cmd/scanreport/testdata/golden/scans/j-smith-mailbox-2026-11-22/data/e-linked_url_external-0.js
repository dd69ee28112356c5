packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "linked_url_external",
 "seq": 0,
 "n": 1,
 "i": [
  51
 ],
 "id": [
  "e51"
 ],
 "d": [
  "https://www.facebook.com/downloads/systems-967.pdf"
 ],
 "s": [
  32
 ],
 "sd": [
  "https://acme-corp.example/static/js/app.8919509f.js"
 ],
 "m": [
  12
 ],
 "t": [
  1795346427618
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
