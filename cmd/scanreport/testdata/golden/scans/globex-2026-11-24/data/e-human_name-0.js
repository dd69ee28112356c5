packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "human_name",
 "seq": 0,
 "n": 6,
 "i": [
  190,
  520,
  578,
  624,
  756,
  783
 ],
 "id": [
  "e190",
  "e520",
  "e578",
  "e624",
  "e756",
  "e783"
 ],
 "d": [
  "David Jackson",
  "Lisa Walker",
  "William Patel",
  "David Moore",
  "David Jackson",
  "Elizabeth Clark"
 ],
 "s": [
  100,
  132,
  62,
  592,
  654,
  584
 ],
 "sd": [
  "david.jackson@globex.example",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | cart\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Joseph Sato, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | legal\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Jennifer Hernandez, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "davidm@globex.example",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | account\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Ashley Jackson, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "elizabethc@globex.example"
 ],
 "m": [
  24,
  24,
  24,
  24,
  24,
  24
 ],
 "t": [
  1795530923947,
  1795531469647,
  1795531589073,
  1795531659088,
  1795531869717,
  1795531933849
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
  86,
  84,
  100,
  69,
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
