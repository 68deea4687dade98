# textwrap: wrap/fill with CPython's chunks (hyphenated words split after their hyphens, em-dashes, long words broken), indents, max_lines and placeholders, fix_sentence_endings; shorten, dedent, indent.
import textwrap, random
random.seed(21)
words = ["asyncio", "event-loop", "well-known", "a", "I", "x-y", "co-operative", "state-of-the-art", "--", "end.", "Why?", "3-4", "abc--def", "e-mail", "self-contained", "tasks", "coroutines", "sleep(0.1)", "'quoted'", "ab-c", "a-bc", "a-b-cd", "pre--", "supercalifragilisticexpialidocious", "x" * 30, "hyphen-ated-word-chain"]
for trial in range(150):
    n = random.randint(0, 25)
    text = ""
    for _ in range(n):
        text += random.choice(words) + random.choice([" ", " ", "  ", "\t", "\n", ". ", " -- "])
    width = random.randint(1, 40)
    kw = {}
    if random.random() < 0.3: kw["break_on_hyphens"] = False
    if random.random() < 0.2: kw["break_long_words"] = False
    if random.random() < 0.2: kw["fix_sentence_endings"] = True
    if random.random() < 0.2: kw["max_lines"] = random.randint(1, 3); kw["placeholder"] = random.choice([" [...]", "...", " ~"])
    if random.random() < 0.2: kw["initial_indent"] = "* "; kw["subsequent_indent"] = "  "
    if random.random() < 0.1: kw["drop_whitespace"] = False
    try:
        print(trial, width, kw, textwrap.wrap(text, width, **kw))
    except ValueError as e:
        print(trial, "ValueError", e)
print(textwrap.shorten("Hello  world! This is a long sentence.", 20), textwrap.shorten("Hi there", 40))
print(repr(textwrap.dedent("    def f():\n        return 1\n    \n    x = 2\n")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   \n  x\n    y\n")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda l: True)))
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
w = textwrap.TextWrapper(width=25, initial_indent="- ", subsequent_indent="  ")
print(w.fill("Tasks run concurrently on one event loop, switching at await points."))
