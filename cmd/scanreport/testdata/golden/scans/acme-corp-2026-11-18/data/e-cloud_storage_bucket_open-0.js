packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "cloud_storage_bucket_open",
 "seq": 0,
 "n": 2,
 "i": [
  1179,
  1666
 ],
 "id": [
  "e1179",
  "e1666"
 ],
 "d": [
  "acme-corp-assets.s3.amazonaws.com: 324 files found.",
  "acme-corp-media.s3.amazonaws.com: 349 files found."
 ],
 "s": [
  156,
  646
 ],
 "sd": [
  "acme-corp-assets.s3.amazonaws.com",
  "acme-corp-media.s3.amazonaws.com"
 ],
 "m": [
  11,
  11
 ],
 "t": [
  1794993408681,
  1794993807643
 ],
 "r": [
  76,
  79
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
