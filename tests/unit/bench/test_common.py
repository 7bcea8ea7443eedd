"""The benches' small sums: percentiles, latency formatting and the backlog time series."""

from bench._common import duration, percentile, series_lines


def test_percentile_takes_the_nearest_rank_at_or_above() -> None:
    """p50 of 1..10 is the 6th value, p99 the last, p0 the first."""
    values = [float(v) for v in range(10, 0, -1)]
    assert [6.0, 10.0, 1.0] == [percentile(values, 0.5), percentile(values, 0.99), percentile(values, 0.0)]


def test_duration_is_milliseconds_below_ten_seconds() -> None:
    """Short latencies read in ms, long queueing delays in seconds."""
    assert ["56 ms", "9999 ms", "12.3 s"] == [duration(0.056), duration(9.999), duration(12.34)]


def test_series_keeps_every_nth_sample_and_the_last() -> None:
    """Samples 0, 2 and the last (3) are shown, columns right-aligned to the widest cell."""
    samples = [(0.0, [0, 0]), (1.0, [5, 1]), (2.0, [600, 2]), (3.2, [600, 0])]
    expected = ["t s  fed  lag", "  0    0    0", "  2  600    2", "  3  600    0"]
    assert expected == series_lines(("t s", "fed", "lag"), samples, every=2)
