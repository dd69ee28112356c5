(window.__sr=window.__sr||[]).push(
{
 "k": "fp",
 "scan": "globex-2026-11-24",
 "i": [],
 "r": {},
 "d": []
}
);
