packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "cloud_storage_bucket_open",
 "seq": 0,
 "n": 2,
 "i": [
  304,
  310
 ],
 "id": [
  "e304",
  "e310"
 ],
 "d": [
  "globex-assets.s3.amazonaws.com: 163 files found.",
  "globex-media.s3.amazonaws.com: 103 files found."
 ],
 "s": [
  136,
  256
 ],
 "sd": [
  "globex-assets.s3.amazonaws.com",
  "globex-media.s3.amazonaws.com"
 ],
 "m": [
  21,
  21
 ],
 "t": [
  1795531117465,
  1795531127154
 ],
 "r": [
  79,
  73
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
