packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "tcp_port_open_banner",
 "seq": 0,
 "n": 1,
 "i": [
  17
 ],
 "id": [
  "e17"
 ],
 "d": [
  "HTTP/1.1 200 OK\r\nServer: AmazonS3\r\nContent-Type: text/html; charset=UTF-8\r\nConnection: close\r\n"
 ],
 "s": [
  15
 ],
 "sd": [
  "20.36.104.180:443"
 ],
 "m": [
  11
 ],
 "t": [
  1795346199951
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
