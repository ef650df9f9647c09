#!/usr/bin/env python3
"""Measure the terminal interface the way a person meets it, in a pseudo-terminal.

  scripts/bench-tui.py --db PATH [--bin target/release/xfdesk] [--runs 5]

Prints:
  first frame   time from exec to the first complete frame (the legend drawn), median of runs
  resident      VmRSS once the first frame is up
  idle          CPU ticks used and bytes written during 5 s with no input
  bytes/key     bytes written per typed character (ASCII and Chinese), typing one key at a
                time into a form field and waiting for the output to settle; the same for nano
                in the same pseudo-terminal when nano is installed, and the ratio

The database should already exist (e.g. `xfdesk demo --cases 1000000 --db PATH`); the account
running this must be staff in it.
"""
import argparse, os, pty, select, signal, statistics, struct, fcntl, termios, time, tempfile

def spawn(argv, env, cols=80, rows=24):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd

def answer(fd, chunk):
    """Answer a cursor-position query as a UTF-8 terminal would (xfdesk probes the encoding)."""
    if b"\x1b[6n" in chunk:
        os.write(fd, b"\x1b[1;5R")
    return chunk

def read_for(fd, seconds):
    """Everything written within `seconds`."""
    out = b""
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return out
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = answer(fd, os.read(fd, 65536))
            except OSError:
                return out
            if not chunk:
                return out
            out += chunk

def settle(fd, quiet=0.15, limit=3.0):
    """Read until nothing arrives for `quiet` seconds."""
    out = b""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = answer(fd, os.read(fd, 65536))
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out

def wait_for(fd, needle, limit=10.0):
    out = b""
    start = time.monotonic()
    while needle not in out and time.monotonic() - start < limit:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            out += answer(fd, os.read(fd, 65536))
    return out, time.monotonic()

def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        rest = f.read().rsplit(")", 1)[1].split()
    return int(rest[11]) + int(rest[12])

def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except OSError:
        pass
    os.close(fd)

def bytes_per_key(fd, chars):
    sizes = []
    for c in chars:
        os.write(fd, c.encode())
        sizes.append(len(settle(fd)))
    return sum(sizes) / len(sizes)

ASCII = "abcdefghijklmnop"
CHINESE = "征地补偿款未到位请求协调处理"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--bin", default="target/release/xfdesk")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    env = dict(os.environ, LANG="zh_CN.UTF-8", TERM="xterm-256color")
    argv = [a.bin, "--db", a.db]

    # A draft left by an earlier run would put a question up instead of the form: discard it.
    pid, fd = spawn(argv, env)
    out = settle(fd, quiet=0.5)
    if "草稿".encode() in out:
        os.write(fd, b"n")
        settle(fd)
    stop(pid, fd)

    firsts, rss = [], []
    for _ in range(a.runs):
        t0 = time.monotonic()
        pid, fd = spawn(argv, env)
        _, t1 = wait_for(fd, "F12".encode())
        settle(fd)
        firsts.append((t1 - t0) * 1000)
        rss.append(rss_kb(pid))
        stop(pid, fd)
    print(f"first frame   median {statistics.median(firsts):.1f} ms (min {min(firsts):.1f}, max {max(firsts):.1f}) over {a.runs} runs")
    print(f"resident      median {statistics.median(rss)/1024:.1f} MB")

    pid, fd = spawn(argv, env)
    wait_for(fd, "F12".encode())
    settle(fd)
    t = ticks(pid)
    idle_out = read_for(fd, 5.0)
    print(f"idle          {ticks(pid) - t} CPU ticks and {len(idle_out)} bytes in 5 s")
    os.write(fd, b"\t" * 4)  # to the address field, wide enough for both runs of typing
    settle(fd)
    ours_ascii = bytes_per_key(fd, ASCII)
    ours_cjk = bytes_per_key(fd, CHINESE[:8])
    os.write(fd, b"\x1b")  # Esc, y: clear the form, so no draft is left behind
    settle(fd)
    os.write(fd, b"y")
    settle(fd)
    stop(pid, fd)
    print(f"bytes/key     xfdesk: {ours_ascii:.1f} per ASCII key, {ours_cjk:.1f} per Chinese character")

    if os.path.exists("/usr/bin/nano"):
        with tempfile.NamedTemporaryFile(suffix=".txt") as f:
            pid, fd = spawn(["/usr/bin/nano", "--ignorercfiles", f.name], env)
            settle(fd, quiet=0.5)
            nano_ascii = bytes_per_key(fd, ASCII)
            os.write(fd, b"\r")
            settle(fd)
            nano_cjk = bytes_per_key(fd, CHINESE[:8])
            stop(pid, fd)
        print(f"bytes/key     nano:   {nano_ascii:.1f} per ASCII key, {nano_cjk:.1f} per Chinese character")
        print(f"ratio         xfdesk/nano: {ours_ascii/nano_ascii:.2f} (ASCII), {ours_cjk/nano_cjk:.2f} (Chinese)")

if __name__ == "__main__":
    main()
