#!/usr/bin/python3
"""Runs a spreiding command in an 80-column pseudo-terminal (as a person at
a terminal would) and checks what it shows: no line wider than 80
characters, no number or amount split over two lines, and, when asked, that
a text appears on the first screen (30 lines: a terminal window as
it opens on a laptop).
Usage: pty80.py [--first-screen TEXT] -- COMMAND [ARG...]"""
import os, pty, re, struct, fcntl, termios, sys

args = sys.argv[1:]
first = None
if args[:1] == ["--first-screen"]:
    first, args = args[1], args[2:]
assert args[:1] == ["--"], "usage: pty80.py [--first-screen TEXT] -- COMMAND"
cmd = args[1:]

pid, fd = pty.fork()
if pid == 0:
    os.environ.pop("COLUMNS", None)
    os.execvp(cmd[0], cmd)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
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
    if len(line) > 80:
        bad.append("line %d is %d characters: %s" % (n, len(line), line))
    # a number cut over two lines: "1.500." / "000" or "€" / "1.500,00"
    nxt = lines[n].lstrip() if n < len(lines) else ""
    if (re.search(r"\d[.,]$", line) and nxt[:1].isdigit()) or line.rstrip().endswith("€"):
        bad.append("line %d ends inside a number: %s" % (n, line))
if first is not None and first not in "\n".join(lines[:30]):
    bad.append("not on the first screen: %s" % first)
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
