"""Small, real files of the kinds people attach to reports, made here so
that no test depends on files it cannot see: a photo (JPEG), a PNG, a
sound recording (WAV), and a PNG that claims to be enormous."""
import io
import math
import struct
import wave
import zlib


def jpeg(width=64, height=48):
    """A baseline JPEG header with a frame of the given size: what a
    file's type and picture size are read from."""
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    body = (b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", len(app0) + 2) + app0 +
            b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof)
    return body + bytes(range(256)) * 8 + b"\xff\xd9"


def png(width=16, height=16):
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(min(height, 64)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def bomb_png():
    """A tiny PNG that says it is 60000 x 60000 pixels (3.6 gigapixels):
    what a decompression bomb looks like from outside."""
    return png(60000, 60000)


def wav(seconds=1.0, rate=8000):
    """A sound recording: a one-second 440 Hz tone."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(
            struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
            for i in range(int(seconds * rate))))
    return out.getvalue()
