packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "cloud_storage_bucket",
 "seq": 0,
 "n": 6,
 "i": [
  45,
  231,
  295,
  322,
  678,
  892
 ],
 "id": [
  "e45",
  "e231",
  "e295",
  "e322",
  "e678",
  "e892"
 ],
 "d": [
  "initech-backups.s3.amazonaws.com",
  "initech-assets.s3.amazonaws.com",
  "initech-static.s3.amazonaws.com",
  "initech-logs.s3.amazonaws.com",
  "initech-media.s3.amazonaws.com",
  "initech-uploads.s3.amazonaws.com"
 ],
 "s": [
  2,
  2,
  2,
  2,
  2,
  2
 ],
 "sd": [
  "initech.example",
  "initech.example",
  "initech.example",
  "initech.example",
  "initech.example",
  "initech.example"
 ],
 "m": [
  13,
  13,
  13,
  13,
  13,
  13
 ],
 "t": [
  1795277144911,
  1795277366566,
  1795277430838,
  1795277469553,
  1795277915163,
  1795278181645
 ],
 "r": [
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
  100
 ],
 "v": [
  100,
  100,
  100,
  100,
  100,
  100
 ],
 "f": [
  0,
  0,
  0,
  0,
  0,
  0
 ]
}
