"""Descriptions (circuits, datasets, spaces, profiles) never bring their own <h1>: headings move one level down."""

from qubithub.rendering import markdown_to_html


def test_headings_move_one_level_down_and_h6_stays_h6():
    html = markdown_to_html("# One\n\n## Two\n\n###### Six\n\nSetext\n======\n")
    assert "<h2>One</h2>" in html and "<h3>Two</h3>" in html and "<h6>Six</h6>" in html and "<h2>Setext</h2>" in html
    assert "<h1" not in html and "<h7" not in html


def test_raw_html_headings_move_too_and_code_is_left_alone():
    html = markdown_to_html("<h1>raw</h1>\n\n```\n<h1>code</h1>\n```\n")
    assert "<h2>raw</h2>" in html
    assert "&lt;h1&gt;code&lt;/h1&gt;" in html
    assert "<h1" not in html
