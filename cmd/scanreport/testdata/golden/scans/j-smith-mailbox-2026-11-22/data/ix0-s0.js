packed data file holding:
{
 "k": "ixs",
 "scan": "j-smith-mailbox-2026-11-22",
 "gen": 0,
 "block": 0
}
its body, a dictionary block's source postings: AAOBgIBQgoCAEP3//xcAAYCAgKgBBoCAgFCAgIAQAQH+//83gICACAABgICAaAAAD4CAgBgB////BwEB/v//D4CAgBiAgIAQgICAGAMBBgXx//8XgICACAAAAAAAAAAAAAAAAASBgIBw////D4CAgDCAgIAQAAAAAoaAgHAKAoyAgHABAAACiICAcPr//w8ChYCAcAIBiYCAcAAAAAOLgIBwA/L//0cDgoCAcP///w+AgIAwAAAPAICAgAgBAf7//weAgIAYAf///w+AgIAIAQEBAQEBAAAAAAAAAAAAAAAAAA==
