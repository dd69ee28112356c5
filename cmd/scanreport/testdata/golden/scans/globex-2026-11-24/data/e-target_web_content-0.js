packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "target_web_content",
 "seq": 0,
 "n": 7,
 "i": [
  62,
  132,
  277,
  298,
  456,
  621,
  654
 ],
 "id": [
  "e62",
  "e132",
  "e277",
  "e298",
  "e456",
  "e621",
  "e654"
 ],
 "d": [
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | legal\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Jennifer Hernandez, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | cart\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Joseph Sato, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | contact\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Wei Patel, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | search\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Mary Davis, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | blog\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Wei Perez, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | support\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Chloé Lee, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n",
  "\u003c!DOCTYPE html\u003e\n\u003chtml lang=\"en\"\u003e\n\u003chead\u003e\n  \u003cmeta charset=\"utf-8\"\u003e\n  \u003ctitle\u003eGlobex | account\u003c/title\u003e\n  \u003clink rel=\"stylesheet\" href=\"/assets/css/site.css\"\u003e\n  \u003cscript src=\"https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js\"\u003e\u003c/script\u003e\n\u003c/head\u003e\n\u003cbody\u003e\n  \u003cnav\u003e\u003ca href=\"/\"\u003eHome\u003c/a\u003e \u003ca href=\"/about\"\u003eAbout\u003c/a\u003e \u003ca href=\"/contact\"\u003eContact\u003c/a\u003e\u003c/nav\u003e\n  \u003cmain\u003e\n    \u003ch1\u003eGlobex\u003c/h1\u003e\n    \u003cp\u003eQuestions? Write to \u003ca href=\"mailto:info@globex.example\"\u003einfo@globex.example\u003c/a\u003e or call +1 555-0100.\u003c/p\u003e\n    \u003cp\u003eContact: Ashley Jackson, Head of Communications\u003c/p\u003e\n    \u003cform action=\"/search\" method=\"get\"\u003e\u003cinput name=\"q\"\u003e\u003c/form\u003e\n  \u003c/main\u003e\n  \u003cfooter\u003e\u0026copy; 2026 Globex. All rights reserved.\u003c/footer\u003e\n\u003c/body\u003e\n\u003c/html\u003e\n"
 ],
 "s": [
  5,
  6,
  10,
  11,
  15,
  24,
  26
 ],
 "sd": [
  "https://globex.example/legal",
  "https://globex.example/cart",
  "https://globex.example/contact",
  "https://globex.example/search?q=silver+harbor",
  "https://globex.example/blog/2023/10/post-3588",
  "https://vpn.globex.example/support",
  "https://globex.example/account"
 ],
 "m": [
  4,
  4,
  4,
  4,
  4,
  4,
  4
 ],
 "t": [
  1795530704948,
  1795530824907,
  1795531078647,
  1795531112064,
  1795531361949,
  1795531655495,
  1795531709329
 ],
 "r": [
  0,
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
  100,
  100
 ],
 "v": [
  100,
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
  0,
  0
 ]
}
