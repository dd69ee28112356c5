packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "cloud_storage_bucket",
 "seq": 0,
 "n": 6,
 "i": [
  125,
  136,
  174,
  217,
  256,
  380
 ],
 "id": [
  "e125",
  "e136",
  "e174",
  "e217",
  "e256",
  "e380"
 ],
 "d": [
  "globex-backups.s3.amazonaws.com",
  "globex-assets.s3.amazonaws.com",
  "globex-static.s3.amazonaws.com",
  "globex-logs.s3.amazonaws.com",
  "globex-media.s3.amazonaws.com",
  "globex-uploads.s3.amazonaws.com"
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
  "globex.example",
  "globex.example",
  "globex.example",
  "globex.example",
  "globex.example",
  "globex.example"
 ],
 "m": [
  21,
  21,
  21,
  21,
  21,
  21
 ],
 "t": [
  1795530817788,
  1795530834537,
  1795530897446,
  1795530981176,
  1795531041788,
  1795531253198
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
