packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "cloud_storage_bucket",
 "seq": 0,
 "n": 6,
 "i": [
  34,
  156,
  161,
  445,
  646,
  739
 ],
 "id": [
  "e34",
  "e156",
  "e161",
  "e445",
  "e646",
  "e739"
 ],
 "d": [
  "acme-corp-backups.s3.amazonaws.com",
  "acme-corp-assets.s3.amazonaws.com",
  "acme-corp-static.s3.amazonaws.com",
  "acme-corp-logs.s3.amazonaws.com",
  "acme-corp-media.s3.amazonaws.com",
  "acme-corp-uploads.s3.amazonaws.com"
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
  "acme-corp.example",
  "acme-corp.example",
  "acme-corp.example",
  "acme-corp.example",
  "acme-corp.example",
  "acme-corp.example"
 ],
 "m": [
  11,
  11,
  11,
  11,
  11,
  11
 ],
 "t": [
  1794992436192,
  1794992536468,
  1794992540163,
  1794992785957,
  1794992954966,
  1794993018856
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
