packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "url_password",
 "seq": 0,
 "n": 2,
 "i": [
  598,
  727
 ],
 "id": [
  "e598",
  "e727"
 ],
 "d": [
  "https://globex.example/legal",
  "https://globex.example/cart"
 ],
 "s": [
  5,
  6
 ],
 "sd": [
  "https://globex.example/legal",
  "https://globex.example/cart"
 ],
 "m": [
  4,
  4
 ],
 "t": [
  1795531623251,
  1795531821223
 ],
 "r": [
  0,
  0
 ],
 "c": [
  100,
  100
 ],
 "v": [
  100,
  100
 ],
 "f": [
  1,
  1
 ]
}
