packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "cloud_storage_bucket_open",
 "seq": 0,
 "n": 2,
 "i": [
  470,
  703
 ],
 "id": [
  "e470",
  "e703"
 ],
 "d": [
  "initech-assets.s3.amazonaws.com: 216 files found.",
  "initech-media.s3.amazonaws.com: 282 files found."
 ],
 "s": [
  231,
  678
 ],
 "sd": [
  "initech-assets.s3.amazonaws.com",
  "initech-media.s3.amazonaws.com"
 ],
 "m": [
  13,
  13
 ],
 "t": [
  1795277649979,
  1795277955999
 ],
 "r": [
  76,
  75
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
