#!/usr/bin/env python3
"""bench/sse's client: holds many Server-Sent Events streams of one ticket open and times how long a
stage change takes to reach each of them. Standard library only (asyncio, raw sockets, HTTP/1.1).

1. Opens --streams GET requests to --path with the bearer --token (at most --concurrency being
   opened at once) and waits until every stream has answered 200 and sent its opening comment
   (`: CODE`), bounded by --open-timeout; prints how long that took.
2. Writes --ready-file (a JSON object: streams asked, opened, failed, seconds) to signal readiness,
   then waits (bounded by --send-timeout) for --sent-file: the time.time() at which the caller sent
   the stage change, as a decimal number.
3. Records, per stream, when an `event: timeline` whose data has ticket.stage.key == --stage
   arrived, waits until every open stream has it (bounded by --event-timeout from the send), and
   prints how many got it and the p50, p90, p99 and max delay after the send. Streams that never
   got it (or that closed) are reported.

The last line is machine-readable for bench/sse: `RESULT key=value ...`; delays in milliseconds.
Exits 0 when the measurement ran (whatever its figures), 1 on a usage or setup error.
"""
import argparse
import asyncio
import json
import math
import os
import sys
import time


class Stream:
    __slots__ = ("index", "opened_at", "got_at", "error", "closed", "events")

    def __init__(self, index):
        self.index = index
        self.opened_at = None  # time.time() of the opening comment
        self.got_at = None  # time.time() of the event with the awaited stage
        self.error = None
        self.closed = False
        self.events = 0


async def read_chunked(reader):
    """Yields the payload of each HTTP/1.1 chunk until the last one."""
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("connection closed inside the chunked body")
        size = int(line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            return
        data = await reader.readexactly(size + 2)  # the chunk and its CRLF
        yield data[:-2]


async def read_plain(reader):
    while True:
        data = await reader.read(65536)
        if not data:
            return
        yield data


async def watch(stream, args, opened, gate):
    reader = writer = None
    try:
        async with gate:
            reader, writer = await asyncio.open_connection(args.host, args.port)
            writer.write(
                (
                    f"GET {args.path} HTTP/1.1\r\nHost: {args.host}:{args.port}\r\n"
                    f"Authorization: Bearer {args.token}\r\nAccept: text/event-stream\r\nCache-Control: no-store\r\n\r\n"
                ).encode("ascii")
            )
            await writer.drain()
            status = await reader.readline()
            parts = status.split(b" ", 2)
            if len(parts) < 2 or parts[1] != b"200":
                raise ConnectionError(f"status {status.decode('latin-1').strip()!r}")
            chunked = False
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b"\n", b""):
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"transfer-encoding" and b"chunked" in value.lower():
                    chunked = True
            body = read_chunked(reader) if chunked else read_plain(reader)
            buffer = b""
            # Opening: wait for the first comment block while still holding the gate.
            async for data in body:
                buffer += data
                if b"\n\n" in buffer:
                    break
            first, _, buffer = buffer.partition(b"\n\n")
            if not first.startswith(b":"):
                raise ConnectionError(f"unexpected opening {first[:80]!r}")
            stream.opened_at = time.time()
            opened.release()
        # Events: `id: N\nevent: timeline\ndata: {...}\n\n`; comments (`: keep-alive`) are skipped.
        while True:
            while b"\n\n" in buffer:
                block, _, buffer = buffer.partition(b"\n\n")
                if block.startswith(b":"):
                    continue
                stream.events += 1
                if stream.got_at is None and b"event: timeline" in block:
                    at = time.time()
                    for line in block.split(b"\n"):
                        if line.startswith(b"data:"):
                            data = json.loads(line[5:])
                            if data.get("ticket", {}).get("stage", {}).get("key") == args.stage:
                                stream.got_at = at
            data = await body.__anext__()
            buffer += data
    except StopAsyncIteration:
        stream.closed = True
    except asyncio.CancelledError:
        raise
    except Exception as error:  # noqa: BLE001 - every failure is reported per stream
        stream.error = f"{type(error).__name__}: {error}"
    finally:
        if stream.opened_at is None:
            opened.release()  # counted as done opening (failed)
        if writer is not None:
            writer.close()


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]  # nearest rank


def fmt(value):
    return "n/a" if value is None else f"{value:.1f}"


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True, help="e.g. /t/SLUG/api/v1/tickets/CODE/events")
    parser.add_argument("--token", required=True)
    parser.add_argument("--streams", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=100, help="streams being opened at once")
    parser.add_argument("--stage", default="in_progress")
    parser.add_argument("--ready-file", required=True)
    parser.add_argument("--sent-file", required=True)
    parser.add_argument("--open-timeout", type=float, default=120)
    parser.add_argument("--send-timeout", type=float, default=60)
    parser.add_argument("--event-timeout", type=float, default=10)
    args = parser.parse_args()
    if args.streams < 1 or args.concurrency < 1:
        parser.error("--streams and --concurrency must be positive")

    streams = [Stream(i) for i in range(args.streams)]
    gate = asyncio.Semaphore(args.concurrency)
    opened = asyncio.Semaphore(0)
    began = time.time()
    tasks = [asyncio.create_task(watch(s, args, opened, gate)) for s in streams]

    # 1. Open every stream (or give up on the rest at the deadline).
    async def all_opened():
        for _ in streams:
            await opened.acquire()

    try:
        await asyncio.wait_for(all_opened(), args.open_timeout)
    except asyncio.TimeoutError:
        pass
    open_seconds = time.time() - began
    ok = [s for s in streams if s.opened_at is not None and s.error is None and not s.closed]
    failed = [s for s in streams if s.opened_at is None]
    print(f"opened {len(ok)} of {args.streams} streams in {open_seconds:.2f} s "
          f"(at most {args.concurrency} being opened at once); not opened: {len(failed)}", flush=True)
    errors = {}
    for s in failed:
        errors[s.error or "still opening at the deadline"] = errors.get(s.error or "still opening at the deadline", 0) + 1
    for error, count in sorted(errors.items(), key=lambda item: -item[1])[:5]:
        print(f"    {count} x {error}", flush=True)

    # 2. Ready; wait for the send time.
    tmp = args.ready_file + ".tmp"
    with open(tmp, "w") as file:
        json.dump({"streams": args.streams, "opened": len(ok), "failed": len(failed), "seconds": round(open_seconds, 3)}, file)
    os.replace(tmp, args.ready_file)
    deadline = time.time() + args.send_timeout
    sent_at = None
    while time.time() < deadline:
        try:
            with open(args.sent_file) as file:
                text = file.read().strip()
            if text:
                sent_at = float(text)
                break
        except FileNotFoundError:
            pass
        await asyncio.sleep(0.05)
    if sent_at is None:
        print(f"no send time in {args.sent_file} within {args.send_timeout:.0f} s", flush=True)
        for task in tasks:
            task.cancel()
        print(f"RESULT streams={args.streams} opened={len(ok)} open_s={open_seconds:.3f} received=0 missing={len(ok)} "
              f"within_1s=0 p50_ms=n/a p90_ms=n/a p99_ms=n/a max_ms=n/a", flush=True)
        return 0

    # 3. Wait for the stage change on every stream that opened.
    end = sent_at + args.event_timeout
    while time.time() < end and any(s.got_at is None and s.error is None and not s.closed for s in ok):
        await asyncio.sleep(0.02)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

    delays = [(s.got_at - sent_at) * 1000 for s in ok if s.got_at is not None]
    missing = [s for s in ok if s.got_at is None]
    within = sum(1 for d in delays if d <= 1000)
    p50, p90, p99 = percentile(delays, 0.5), percentile(delays, 0.9), percentile(delays, 0.99)
    top = max(delays) if delays else None
    low = min(delays) if delays else None
    print(f"stage {args.stage!r} reached {len(delays)} of {len(ok)} open streams "
          f"({within} within 1 s); delay after the send: min {fmt(low)} ms, p50 {fmt(p50)} ms, "
          f"p90 {fmt(p90)} ms, p99 {fmt(p99)} ms, max {fmt(top)} ms", flush=True)
    if missing:
        reasons = {}
        for s in missing:
            reason = s.error or ("closed by the server" if s.closed else f"no such event within {args.event_timeout:.0f} s")
            reasons[reason] = reasons.get(reason, 0) + 1
        print(f"streams that never got it: {len(missing)} (first: "
              f"{', '.join(str(s.index) for s in missing[:10])})", flush=True)
        for reason, count in sorted(reasons.items(), key=lambda item: -item[1])[:5]:
            print(f"    {count} x {reason}", flush=True)
    print(f"RESULT streams={args.streams} opened={len(ok)} open_s={open_seconds:.3f} received={len(delays)} "
          f"missing={len(missing)} within_1s={within} min_ms={fmt(low)} p50_ms={fmt(p50)} p90_ms={fmt(p90)} "
          f"p99_ms={fmt(p99)} max_ms={fmt(top)}", flush=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(main()))
    except KeyboardInterrupt:
        sys.exit(130)
