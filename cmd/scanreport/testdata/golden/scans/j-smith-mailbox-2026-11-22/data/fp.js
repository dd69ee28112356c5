(window.__sr=window.__sr||[]).push(
{
 "k": "fp",
 "scan": "j-smith-mailbox-2026-11-22",
 "i": [],
 "r": {},
 "d": []
}
);
