"""guidekit/qrmask.py chooses the QR mask segno chooses, and makes the code segno makes.

segno scores all eight masks in pure Python (≈ 2-7 ms an input), so several thousand inputs
cannot be checked against live segno within a few seconds: segno's masks for them are
recorded in tests/fixtures/qr_masks.txt (regenerate: `PYTHONPATH=. python
tests/test_qr_mask.py`), and a sample of those inputs is checked against live segno, which
also checks the record.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import pytest
import segno
from segno import encoder

from guidekit import qrmask

RECORD = Path(__file__).parent / "fixtures" / "qr_masks.txt"
SEED = 18004
COUNT = 3000
LIVE_EVERY = 10  # every 10th recorded input against live segno: 300 inputs

_URL_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-._~/?=&%"
_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_TEXT = "abcdefghijklmnopqrstuvwxyzäöåÄÖÅ ,.!?-"
_BEYOND_LATIN_1 = "€ŋšž—“”…😀"  # UTF-8
_KANJI = "日本語漢字東京大阪"  # Shift_JIS: segno's kanji mode
_PRINTABLE = "".join(chr(c) for c in range(32, 127))


def varied_inputs(seed: int = SEED, count: int = COUNT) -> list[str]:
    """Addresses and texts of 1-300 characters in every mode segno picks (numeric,
    alphanumeric, byte as Latin-1 or UTF-8, kanji): versions 1 to about 13."""
    rng = random.Random(seed)

    def url(length):
        head = rng.choice(("https://", "http://", "https://www.", ""))
        return (head + "".join(rng.choices(_URL_CHARACTERS, k=length)))[:length]

    def text(length):
        chosen = rng.choices(_TEXT, k=length)
        chosen[rng.randrange(length)] = rng.choice(_BEYOND_LATIN_1 if rng.random() < 0.3 else "äöå")
        return "".join(chosen)

    kinds = (
        url,
        lambda n: "".join(rng.choices("0123456789", k=n)),
        lambda n: "".join(rng.choices(_ALPHANUMERIC, k=n)),
        lambda n: "".join(rng.choices(_PRINTABLE, k=n)),
        text,
        lambda n: "".join(rng.choices(_KANJI, k=max(1, n // 3))),
    )
    inputs = []
    for _ in range(count):
        # Half short (the site's addresses are short), half anywhere in 1-300.
        length = rng.randint(1, 80) if rng.random() < 0.5 else rng.randint(1, 300)
        inputs.append(rng.choice(kinds)(length))
    return inputs


def _digest(inputs: list[str]) -> str:
    return hashlib.sha256("\n".join(inputs).encode("utf-8")).hexdigest()


def _record_segno_masks() -> None:
    inputs = varied_inputs()
    masks = "".join(str(segno.make(data, error="m", micro=False).mask) for data in inputs)
    lines = [f"# segno {segno.__version__}: segno.make(data, error='m', micro=False).mask for each of",
             f"# tests/test_qr_mask.py varied_inputs({SEED}, {COUNT}), one digit each.",
             f"# inputs sha256 {_digest(inputs)}"]
    lines += [masks[i:i + 100] for i in range(0, len(masks), 100)]
    RECORD.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _recorded() -> tuple[list[str], str]:
    text = RECORD.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    inputs = varied_inputs()
    regenerate = "regenerate with `PYTHONPATH=. python tests/test_qr_mask.py`"
    assert header[0].startswith(f"# segno {segno.__version__}:"), f"recorded with another segno: {regenerate}"
    assert header[2] == f"# inputs sha256 {_digest(inputs)}", f"the inputs changed: {regenerate}"
    masks = "".join(line for line in text.splitlines() if not line.startswith("#"))
    assert len(masks) == len(inputs)
    return inputs, masks


def test_the_inputs_cover_versions_and_modes():
    modes, versions = set(), set()
    for data in varied_inputs():
        segments = encoder.prepare_data(data, None, None)
        modes.add(encoder.get_mode_name(segments.modes[0]))
        versions.add(encoder.find_version(segments, encoder.normalize_errorlevel("m"), eci=False, micro=False))
    assert modes == {"numeric", "alphanumeric", "byte", "kanji"}
    assert set(range(1, 11)) <= versions


def test_the_fast_choice_is_segnos_recorded_choice():
    inputs, masks = _recorded()
    fast = [qrmask.best_mask(qrmask.unmasked_matrix(data, "m")[0]) for data in inputs]
    wrong = [(data, int(mask), ours) for data, mask, ours in zip(inputs, masks, fast) if ours != int(mask)]
    assert not wrong, f"{len(wrong)} of {len(inputs)} differ (input, segno, fast), e.g. {wrong[:3]}"
    assert len(set(masks)) == 8  # every mask is someone's best


def test_the_code_is_segnos_code_live():
    inputs, masks = _recorded()
    for data, mask in list(zip(inputs, masks))[::LIVE_EVERY]:
        expected = segno.make(data, error="m", micro=False)
        code = qrmask.make_code(data, "m")
        assert expected.mask == int(mask), ("the record is not segno's", data)
        assert (code.mask, code.version, code.error, code.mode) == (
            expected.mask, expected.version, expected.error, expected.mode), data
        assert code.matrix == expected.matrix, data


def _random_matrix(rng: random.Random, size: int, dark_share: float) -> tuple[bytearray, ...]:
    return tuple(bytearray(int(rng.random() < dark_share) for _ in range(size)) for _ in range(size))


def _with_overlapping_finder_likes(rng: random.Random, size: int) -> tuple[bytearray, ...]:
    """Rows and columns with 1011101 overlapping itself (4 or 6 on) at the edges, next to
    light runs and in the middle: where segno's search skips a second pattern."""
    matrix = _random_matrix(rng, size, 0.5)
    pieces = ("10111011101", "1011101011101", "00001011101", "10111010000", "0000101110111010000")
    for line in rng.sample(range(size), k=size // 2):
        piece = rng.choice(pieces)
        start = rng.choice((0, size - len(piece), rng.randrange(size - len(piece) + 1)))
        if rng.random() < 0.5:
            matrix[line][start:start + len(piece)] = bytes(int(bit) for bit in piece)
        else:
            for offset, bit in enumerate(piece):
                matrix[start + offset][line] = int(bit)
    return matrix


def test_each_penalty_rule_is_segnos_on_random_matrices():
    rng = random.Random(7)
    overlapping = 0
    for case in range(360):
        size = 17 + 4 * rng.randint(1, 10)  # versions 1-10
        if case % 3 == 0:
            matrix = _with_overlapping_finder_likes(rng, size)
        else:
            matrix = _random_matrix(rng, size, rng.choice((0.05, 0.3, 0.45, 0.5, 0.55, 0.7, 0.95)))
        expected = encoder.mask_scores(matrix, size, size)
        got = qrmask.penalty_scores(matrix)
        for rule, segnos, ours in zip(("N1", "N2", "N3", "N4"), expected, got):
            assert ours == segnos, (rule, case, size)
        rows = ["".join(map(str, row)) for row in matrix]
        overlapping += any("10111011101" in line for line in rows + ["".join(c) for c in zip(*rows)])
    assert overlapping > 50  # the skip of segno's N3 search was exercised


def test_segnos_penalty_on_a_known_matrix():
    # A light symbol: runs of 21 in 42 lines, 20 × 20 blocks, no pattern, 0 % dark.
    light = tuple(bytearray(21) for _ in range(21))
    assert qrmask.penalty_scores(light) == encoder.mask_scores(light, 21, 21) == (42 * 19, 3 * 400, 0, 100)


@pytest.mark.parametrize("data", ["", "0", "A", "ä", "https://asioi.esimerkkila.example/o/x7k2/"])
def test_short_inputs(data):
    expected = segno.make(data, error="m", micro=False)
    code = qrmask.make_code(data, "m")
    assert (code.mask, code.matrix) == (expected.mask, expected.matrix)


if __name__ == "__main__":
    _record_segno_masks()
    sys.exit(0)
