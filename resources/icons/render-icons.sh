#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders MAS Inspector's icon (mas-inspector.svg; mas-inspector-small.svg for 16 and 24 px)
# into the files committed beside it:
#   hicolor/NxN/apps/org.libmas.MasInspector.png   the freedesktop icon theme (Linux), and the
#                                                   window icon (a Qt resource of mas-inspector)
#   mas-inspector.ico                               Windows: the executable's and the installer's
#   mas-inspector.icns                              macOS: the app bundle's
# Needs rsvg-convert (librsvg2-bin), ImageMagick's convert (imagemagick) and python3.
# Run it after changing an SVG and commit the results.
set -euo pipefail
cd "$(dirname "$0")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

render() { # render SIZE FILE
    local svg=mas-inspector.svg
    if [ "$1" -le 24 ]; then
        svg=mas-inspector-small.svg
    fi
    rsvg-convert --width "$1" --height "$1" "$svg" --output "$2"
}

for size in 16 32 48 64 128 256; do
    mkdir -p "hicolor/${size}x${size}/apps"
    render "$size" "hicolor/${size}x${size}/apps/org.libmas.MasInspector.png"
done

for size in 16 24 32 48 64 128 256 512 1024; do
    render "$size" "$work/$size.png"
done

# Windows: one file with every size (BMP entries below 256 px, PNG at 256 px).
convert "$work"/{16,24,32,48,64,128,256}.png -strip mas-inspector.ico

# macOS: the ICNS container is the magic 'icns' and the file's length, then chunks of a
# four-letter type, the chunk's length (8 + data) and, for these types, a PNG file.
python3 - "$work" <<'PY'
import pathlib
import struct
import sys

work = pathlib.Path(sys.argv[1])
chunks = [(b"ic11", 32), (b"ic12", 64), (b"ic07", 128), (b"ic13", 256), (b"ic08", 256),
          (b"ic14", 512), (b"ic09", 512), (b"ic10", 1024)]
body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data
                for kind, data in ((k, (work / f"{size}.png").read_bytes()) for k, size in chunks))
pathlib.Path("mas-inspector.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
echo "rendered:" hicolor/*/apps/*.png mas-inspector.ico mas-inspector.icns
