"""Small input files built by hand for the ingestion tests."""

from __future__ import annotations

ARTICLE = (
    "On 19 June 2024, Vladimir Putin visited Pyongyang and signed a treaty with Kim Jong Un. "
    "The two leaders met for several hours and discussed military cooperation at length. "
    "Analysts in Seoul described the visit as a turning point in relations between the states."
)

HTML_PAGE = f"""<!doctype html>
<html><head><title>Putin in Pyongyang</title>
<meta property="og:site_name" content="Example Monitor"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
<header><div class="menu">Menu Login Register</div></header>
<main><article><h1>Putin in Pyongyang</h1>
<p>{ARTICLE}</p>
<p>Observers expect further meetings between the two governments in the coming year, and
both capitals have announced new exchanges of delegations in trade and culture.</p>
</article></main>
<footer>Copyright Example Monitor. All rights reserved. Cookie policy.</footer>
</body></html>
"""


def make_text_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer holds ``text`` (ASCII), built without any library."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 10 Tf 40 750 Td ({safe}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_blank_pdf() -> bytes:
    """A valid PDF with one page and no text layer (as a scan would be)."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
