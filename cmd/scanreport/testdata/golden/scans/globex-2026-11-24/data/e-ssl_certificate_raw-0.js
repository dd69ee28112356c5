packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "ssl_certificate_raw",
 "seq": 0,
 "n": 2,
 "i": [
  156,
  705
 ],
 "id": [
  "e156",
  "e705"
 ],
 "d": [
  "-----BEGIN CERTIFICATE-----\nMIIFljSRj+oxJE1+pb7FQ7Gy2VffW/3qx8J63YXYOTvplLtuIt+JTKdaW95/KDnc\n7mpMTMxrIZ8e+Iq1SGT+z/dAEtPPLavNtEuT5D3am1QLuGCbOneBSgHFQlntfP6W\nSDFSivplNF4nQQxj+uFih63LRqF4+B6zwOAYXNW+KZaiWnbedxyx2MAhZUbRjjUH\nvmTRqbbSucQjMlp6VHZbNabfOBCnvCqMjPHLARVxFbG9miU0L1pwIWJkyyeU4iZd\nkZlbOyUJYbBqxrIzZYaiQ0wV0HYg4pqePRjK1kAaanqCXkxI/OoQgdVlI4Q9Je4h\nLCYyrB7kO6pAEcTyElesheYksXSiETgOF8zbpR7GlUkRoZqNiy3oNsvh7bUnDmrW\n/1GatOwMAzYsGdqfTcwNfSOoZ97smwIu4NRJQoDVLts+ezbJRbJKmSjzca7g20Pg\nsK7fTtouQKB17jpYNsEKgjxmiCY8HvqlI1BlvpHCyfSRLlESQbzWmQLi+ANpcjVq\ncrWTb7mf+OOr+JwzBsckBNHwS1v/UBvphH7pl4xCxaIKtkl3Kxqblj88EL4fiY7E\nK+KFbZCQh628lkmlVTRNCs//zzWqS5VEpUY1IJpg2cyQcFsfflYLr56wy6rdq3Ut\n2MLlrBKbb3ME6bPedplDNXvuCvGJUqUZlCkOaq0ef+ssgEOydbnvr1BQ6qeTQA3M\nDF49XmPltBCKkrE3GIX81iS+nk0T+q6nKbJiB84Ge5kwVaD4N21DGoRwEIz/RmgU\n-----END CERTIFICATE-----",
  "-----BEGIN CERTIFICATE-----\nMIIFz4S7wgIk8Tz+huh0VJHsG6NW0yiew/w7egjLPcktwIEuXk81yAnEsDQCwoZT\nXiFcsJggvklzNZN476YrYhBZoOPIOb22b8Nim2P2djoK3BjjmoJozF1C182v2yBb\nRdoLh/5IFoBrsD/XUIhzDNBXi47XFM33dKR3p7/vgmB+cXXLOPfcEMQOzd6Jmp5D\njmt5oCWd9zMumaLIbZHRY1DK0IHZQQ79w9Jy1a44vDYnmY4N7+72IP5QuypCYuBj\n9tVTq6slZNUMXnVg/63m4Tw87uNP4XhWrFcdbt7qH5rym+xDmuL8Kpndt1WazgnQ\nE43pq2WLLx+wDaRfpnzsdw53koekSdBmXjaPF9eoYQCaSAxvnrK/deguyDvF87uh\nFppB5txF5ilCl+/wHDB50Qbz3e1sH1KkYXFkVBuKYlu8ifV9YllVm91DEsyUMThe\nCuOwOy1fgr6VEZR7tNa8esdOKLNhI5tQk5KOjABt8ENQvTLKozNeMSx+6oQxisab\nszWgopWEzR2ufaDuyQoYvqmM7XRoC7SmzmStiOp0boHedAUXqKRUpkq37OQ+KHKX\n0RXeQSnFA53o5mCUZFWkbMHPqsCchvGCFSI1w2pRzhQtziPLujwZyAgpTP0PfWTn\niuootzcuK4pzDMXEaCGBHVI0Xs/ZhW9A4gnqyNWr+jtPZLbGW0uVFUjxk50EyRIn\nNHoKlR5vxT3pJvHHgeOtQ2CEgV5A9HZBQU8rBHQnJlLSAW5OlZweW+541sakxE0U\n-----END CERTIFICATE-----"
 ],
 "s": [
  4,
  33
 ],
 "sd": [
  "CN=globex.example",
  "CN=vpn.globex.example"
 ],
 "m": [
  3,
  3
 ],
 "t": [
  1795530863139,
  1795531797709
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
  0,
  0
 ]
}
