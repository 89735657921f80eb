

def test_a_stored_value_that_is_no_date_is_shown_as_it_is():
    """A dossier changed outside the app (`raadsdossier check` names the value): shown, not a crash."""
    from raadsdossier.domain.dates import format_partial_nl

    assert [format_partial_nl(v) for v in ("2021-13", "2022-02-30", "gisteren", "2021-07")] == [
        "2021-13", "2022-02-30", "gisteren", "juli 2021"]
