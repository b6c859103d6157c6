#!/usr/bin/python3
"""Runs a spreiding command in an 80-column pseudo-terminal (as a person at
a terminal would) and checks what it shows: no line wider than 80
characters (but for a line that is one word, a digest written whole), no
number or amount split over two lines, and, when asked:
  --first-screen TEXT  TEXT is on the first screen (30 lines: a terminal
                       window as it opens on a laptop);
  --first-header WORD  WORD is a column title of the first table's first band
                       (the answer is not left to a "(vervolg)");
  --whole TEXT         TEXT stands whole on one line (a SHA-256 digest);
  --absent REGEX       no line matches REGEX (a column left out);
  --names FILE         no word of a gemeente's or province's name in the
                       register FILE is cut over two lines, except after a
                       hyphen ("Noord-" / "Holland", never "Noord-Hollan" / "d");
  --width N            a terminal N columns wide instead (a narrow window,
                       where names must wrap).
Usage: pty80.py [CHECK...] -- COMMAND [ARG...]"""
import csv, os, pty, re, struct, fcntl, termios, sys

WIDTH = 80
SCREEN = 30  # lines on the first screen
SHORTEST = 4  # a name's word shorter than this is not looked for when cut

args = sys.argv[1:]
first, headers, wholes, absents, names = None, [], [], [], None
while args and args[0] != "--":
    opt, val, args = args[0], args[1], args[2:]
    if opt == "--first-screen":
        first = val
    elif opt == "--first-header":
        headers.append(val)
    elif opt == "--whole":
        wholes.append(val)
    elif opt == "--absent":
        absents.append(re.compile(val))
    elif opt == "--names":
        names = val
    elif opt == "--width":
        WIDTH = int(val)
    else:
        sys.exit("pty80.py: unknown check " + opt)
assert args[:1] == ["--"], "usage: pty80.py [CHECK...] -- COMMAND"
cmd = args[1:]

pid, fd = pty.fork()
if pid == 0:
    os.environ.pop("COLUMNS", None)
    os.execvp(cmd[0], cmd)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, WIDTH, 0, 0))
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
text = out.decode("utf-8").replace("\r", "")
lines = text.split("\n")
bad = []
if os.waitstatus_to_exitcode(status) != 0:
    bad.append("exit %d" % os.waitstatus_to_exitcode(status))
for n, line in enumerate(lines, 1):
    if len(line) > WIDTH and " " in line.strip():
        bad.append("line %d is %d characters: %s" % (n, len(line), line))
    # a number cut over two lines: "1.500." / "000" or "€" / "1.500,00"
    nxt = lines[n].lstrip() if n < len(lines) else ""
    if (re.search(r"\d[.,]$", line) and nxt[:1].isdigit()) or line.rstrip().endswith("€"):
        bad.append("line %d ends inside a number: %s" % (n, line))
if first is not None and first not in "\n".join(lines[:SCREEN]):
    bad.append("not on the first screen: %s" % first)

# The first table's first band: the lines between the blank line and the
# first rule ("------  ----").
rule = next((i for i, l in enumerate(lines) if re.fullmatch(r"-+( +-+)*", l)), None)
if headers and rule is None:
    bad.append("no table")
elif headers:
    start = rule
    while start > 0 and lines[start - 1].strip():
        start -= 1
    band = " ".join(lines[start:rule])
    for word in headers:
        if not re.search(r"(^|\s)%s(\s|$)" % re.escape(word), band):
            bad.append("not a title in the first band: %s (%s)" % (word, band.strip()))
for want in wholes:
    if not any(want in line for line in lines):
        bad.append("not whole on one line: %s" % want)
for pattern in absents:
    for n, line in enumerate(lines, 1):
        if pattern.search(line):
            bad.append("line %d has %s: %s" % (n, pattern.pattern, line))

# A cell that wraps goes on in its column on the next line: a piece at the
# end of a line (or before the next column) and the piece that starts in
# the same place on the next line make a cut word.
if names:
    words = set()
    with open(names, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in (row["gemeentenaam"], row["provincie"]):
                words.update(w for w in name.split() if len(w) >= SHORTEST)
    prefixes = {w[:i] for w in words for i in range(SHORTEST, len(w))}
    for n in range(len(lines) - 1):
        for m in re.finditer(r"\S+(?=  |$)", lines[n]):
            piece, col = m.group(), m.start()
            below = re.match(r"\S+", lines[n + 1][col:])
            if not below or (col > 0 and lines[n + 1][col - 1] != " "):
                continue
            joined = piece + below.group()
            if (joined in words or joined in prefixes) and not piece.endswith("-"):
                bad.append("line %d cuts %s: %s | %s" % (n + 1, joined, piece, below.group()))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
