packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "phone_number",
 "seq": 0,
 "n": 4,
 "i": [
  97,
  274,
  575,
  639
 ],
 "id": [
  "e97",
  "e274",
  "e575",
  "e639"
 ],
 "d": [
  "+1 555-0115",
  "+1 555-0111",
  "+1 555-0109",
  "+1 555-0147"
 ],
 "s": [
  27,
  181,
  298,
  62
 ],
 "sd": [
  "https://globex.example/api/v1/systems?id=94483",
  "https://globex.example/assets/js/app.7b1dcdaf.js",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | search\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Mary Davis, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | legal\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Jennifer Hernandez, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n"
 ],
 "m": [
  18,
  18,
  18,
  18
 ],
 "t": [
  1795530762761,
  1795531074684,
  1795531581811,
  1795531681358
 ],
 "r": [
  0,
  0,
  0,
  0
 ],
 "c": [
  100,
  81,
  100,
  72
 ],
 "v": [
  100,
  100,
  100,
  100
 ],
 "f": [
  0,
  0,
  0,
  0
 ]
}
