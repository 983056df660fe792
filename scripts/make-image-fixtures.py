#!/usr/bin/env python3
"""Writes the image fixtures of tests/fixtures/images (CC0, made for phiscan): small JPEGs
with the EXIF a phone camera writes. Needs Pillow and piexif (pip install pillow piexif);
the images are committed, so the tests do not need them."""
import io, os, piexif
from PIL import Image

here = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "images")

def dms(value):
    value = abs(value)
    d = int(value); m = int((value - d) * 60); s = round(((value - d) * 60 - m) * 60 * 100)
    return ((d, 1), (m, 1), (s, 100))

def jpeg(name, exif):
    image = Image.new("RGB", (16, 16), (200, 120, 90))
    out = io.BytesIO()
    image.save(out, "JPEG", exif=piexif.dump(exif))
    with open(os.path.join(here, name), "wb") as f:
        f.write(out.getvalue())

jpeg("bedside-gps.jpg", {
    "0th": {piexif.ImageIFD.Make: b"ExamplePhone", piexif.ImageIFD.Model: b"X1"},
    "Exif": {piexif.ExifIFD.BodySerialNumber: b"SN4821337",
             piexif.ExifIFD.DateTimeOriginal: b"2026:03:14 09:30:00"},
    "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: dms(44.9778),
            piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: dms(93.2650)},
})
jpeg("no-exif-location.jpg", {"0th": {piexif.ImageIFD.Software: b"Example Editor"}})
