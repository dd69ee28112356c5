packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "url_password",
 "seq": 0,
 "n": 8,
 "i": [
  278,
  820,
  1102,
  1244,
  1290,
  1507,
  2427,
  2719
 ],
 "id": [
  "e278",
  "e820",
  "e1102",
  "e1244",
  "e1290",
  "e1507",
  "e2427",
  "e2719"
 ],
 "d": [
  "https://acme-corp.example/",
  "https://acme-corp.example/careers",
  "https://acme-corp.example/api/v1/ventures?id=45415",
  "https://mobile.acme-corp.example/legal/lunar.html",
  "http://acme-corp.example/blog/2024/12/post-2029",
  "https://mobile.acme-corp.example/docs/travel-542.html",
  "https://acme-corp.example/",
  "https://docs.acme-corp.example/careers"
 ],
 "s": [
  6,
  8,
  14,
  18,
  19,
  23,
  24,
  25
 ],
 "sd": [
  "https://acme-corp.example/",
  "https://acme-corp.example/careers",
  "https://acme-corp.example/api/v1/ventures?id=45415",
  "https://mobile.acme-corp.example/legal/lunar.html",
  "http://acme-corp.example/blog/2024/12/post-2029",
  "https://mobile.acme-corp.example/docs/travel-542.html",
  "https://acme-corp.example/",
  "https://docs.acme-corp.example/careers"
 ],
 "m": [
  5,
  5,
  5,
  5,
  5,
  5,
  5,
  5
 ],
 "t": [
  1794992631858,
  1794993077329,
  1794993340468,
  1794993462020,
  1794993511519,
  1794993690195,
  1794994441116,
  1794994672499
 ],
 "r": [
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0
 ],
 "c": [
  100,
  100,
  100,
  100,
  100,
  100,
  100,
  100
 ],
 "v": [
  100,
  100,
  100,
  100,
  100,
  100,
  100,
  100
 ],
 "f": [
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1
 ]
}
