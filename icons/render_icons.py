"""Renders unibar.svg's three shapes to PNGs without any image library (the build machine has none).
Run from icons/: python3 render_icons.py. Output: unibar-<size>.png here (every size the Linux icon theme,
Windows and macOS ask for), unibar.ico (Windows: 16-256, PNG-compressed entries, Vista and later),
unibar.icns (macOS: 16-1024 incl. @2x) and the app's stage icons."""
import struct, zlib, math, shutil, os

GREEN = (0x2e, 0x9d, 0x49)
WHITE = (255, 255, 255)

def inside_rrect(x, y, x0, y0, w, h, r):
    cx = min(max(x, x0 + r), x0 + w - r)
    cy = min(max(y, y0 + r), y0 + h - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x0 + w and y0 <= y <= y0 + h

def sample(x, y):
    """Colour and alpha at a point of the 256x256 design."""
    if not inside_rrect(x, y, 8, 8, 240, 240, 56):
        return None
    if inside_rrect(x, y, 40, 112, 176, 32, 16):
        return WHITE
    d = math.hypot(x - 128, y - 128)
    if abs(d - 78) <= 11:
        return WHITE
    return GREEN

def render(size, ss=4):
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            r = g = b = a = 0
            for sj in range(ss):
                for si in range(ss):
                    x = (i + (si + 0.5) / ss) * 256 / size
                    y = (j + (sj + 0.5) / ss) * 256 / size
                    c = sample(x, y)
                    if c:
                        r += c[0]; g += c[1]; b += c[2]; a += 1
            n = ss * ss
            if a:
                row += bytes([r // a, g // a, b // a, 255 * a // n])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

if __name__ == "__main__":
    res = os.path.join("..", "src", "main", "resources", "dev", "unibar", "ui", "icons")
    os.makedirs(res, exist_ok=True)
    pngs = {}
    # hicolor: 16 22 24 32 48 64 128 256 512; Windows adds 20 40; macOS needs 1024 (512@2x).
    for s in (16, 20, 22, 24, 32, 40, 48, 64, 128, 256, 512, 1024):
        pngs[s] = render(s, 4 if s <= 256 else 2)
        if s == 1024:
            continue  # only inside the .icns: the folder stays small
        name = "unibar-%d.png" % s
        with open(name, "wb") as f:
            f.write(pngs[s])
        if s in (16, 32, 64, 256):
            shutil.copy(name, os.path.join(res, name))
    # ICO: ICONDIR, one ICONDIRENTRY per size (0 means 256), then the PNG data.
    ico_sizes = (16, 20, 24, 32, 40, 48, 64, 256)
    head = struct.pack("<HHH", 0, 1, len(ico_sizes))
    offset = 6 + 16 * len(ico_sizes)
    entries, data = b"", b""
    for s in ico_sizes:
        d = pngs[s]
        entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(d), offset + len(data))
        data += d
    with open("unibar.ico", "wb") as f:
        f.write(head + entries + data)
    # ICNS: "icns" + total length, then (type, length incl. 8-byte header, PNG) per element.
    icns_types = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
                  (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512))
    body = b"".join(t + struct.pack(">I", len(pngs[s]) + 8) + pngs[s] for t, s in icns_types)
    with open("unibar.icns", "wb") as f:
        f.write(b"icns" + struct.pack(">I", len(body) + 8) + body)
