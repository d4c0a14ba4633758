"""Table cells: nulls are marked, long floats are rounded for display with the exact value kept in the title."""

from datasets.templatetags.dataset_cells import cell


def test_a_float_with_representation_noise_is_rounded_with_the_exact_value_in_the_title():
    assert cell(-0.9299999999999999) == '<span title="-0.9299999999999999">-0.93</span>'


def test_a_short_float_is_shown_as_stored():
    assert cell(-1.137) == "-1.137"
    assert cell(0.1) == "0.1"
    assert cell(1e-12) == "1e-12"


def test_ten_significant_digits_are_kept():
    assert cell(3.14159265358979) == '<span title="3.14159265358979">3.141592654</span>'


def test_null_is_marked_and_text_is_escaped():
    assert "null" in cell(None) and 'class="muted"' in cell(None)
    assert cell("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert cell(0) == "0" and cell(True) == "True" and cell("NaN") == "NaN"
