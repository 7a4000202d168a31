"""segno's choice of QR mask, made fast: the code segno.make(data, error, micro=False) makes,
byte for byte, without segno drawing and scoring all eight masks in pure Python (≈ 80 % of a
code's cost). The unmasked matrix and the final code are made with segno's own functions
(segno.encoder's internals: the version is pinned in requirements.txt); only the scoring is
new: every row and column is a run of bits in one Python int, and the four penalty rules of
ISO/IEC 18004 7.8.3 are bit operations on it, counted exactly as segno.encoder.mask_scores
counts them (tests/test_qr_mask.py compares the two)."""

from __future__ import annotations

import functools

import segno
from segno import consts, encoder

# Light modules between the packed lines (and before the first, after the last): runs and
# patterns cannot cross from one line into the next, and N3's look-around of 4 modules
# reads them as light, as segno treats a pattern at a line's end.
_GAP = 4
_AS_DIGITS = bytes.maketrans(b"\0\1", b"01")  # any other value (2: an unfilled module) fails int()


def make_code(data, error: str | None = None) -> segno.QRCode:
    """The code segno.make(data, error=error, micro=False) makes, with its mask chosen here."""
    matrix, version, error_level, segments = unmasked_matrix(data, error)
    width = len(matrix)
    # The tail of segno.encoder._encode with the mask given: segno's own masking and format
    # and version information, so the matrix is segno's.
    mask, matrix = encoder.find_and_apply_best_mask(matrix, width, width, best_mask(matrix))
    encoder.add_format_info(matrix, version, error_level, mask)
    encoder.add_version_info(matrix, version)
    return segno.QRCode(encoder.Code(matrix, version, error_level, mask, segments))


def unmasked_matrix(data, error: str | None = None):
    """(matrix, version, error level, segments) of the QR code (not Micro) segno makes of
    `data`, before masking: segno.encoder.encode and _encode up to find_and_apply_best_mask,
    with segno.make's defaults (mode and encoding guessed, no ECI, error level boosted)."""
    error_level = encoder.normalize_errorlevel(error, accept_none=True)
    segments = encoder.prepare_data(data, None, None)
    version = encoder.find_version(segments, error_level, eci=False, micro=False)
    if error_level is None:
        error_level = consts.ERROR_LEVEL_L
    error_level = encoder.boost_error_level(version, error_level, segments, False, is_sa=False)
    buff = encoder.Buffer()
    ver_range = encoder.version_range(version)
    for segment in segments:
        encoder.write_segment(buff, segment, None, ver_range, False)
    capacity = consts.SYMBOL_CAPACITY[version][error_level]
    encoder.write_terminator(buff, capacity, None, len(buff))
    encoder.write_padding_bits(buff, version, len(buff))
    encoder.write_pad_codewords(buff, version, capacity, len(buff))
    buff = encoder.make_final_message(version, error_level, buff)
    width = encoder.calc_matrix_size(version)
    matrix = encoder.make_matrix(width, width)
    encoder.add_finder_patterns(matrix, width, width)
    encoder.add_alignment_patterns(matrix, width, width)
    encoder.add_codewords(matrix, buff, version)
    return matrix, version, error_level, segments


def best_mask(unmasked) -> int:
    """The mask (0-7) segno chooses for an unmasked QR matrix (rows of 0/1, format and
    version areas 0, as segno scores them: it adds that information after choosing): the
    lowest penalty score, the first mask on ties."""
    size = len(unmasked)
    layout = _layout(size)
    dark = _packed(unmasked)
    scores = [_penalty(dark ^ mask_bits, layout) for mask_bits in _mask_bits(size)]
    return scores.index(min(scores))


def penalty_scores(matrix) -> tuple[int, int, int, int]:
    """(N1, N2, N3, N4) of a masked square matrix of 0/1, as segno.encoder.mask_scores."""
    lines, gaps, rows, rows_but_last, stride, size = _layout(len(matrix))
    dark = _packed(matrix)
    light = dark ^ lines
    return (n1_runs(dark, light), n2_blocks(dark, light, rows_but_last, stride),
            n3_finder_like(dark, light, gaps), n4_dark_share(dark & rows, size))


def _penalty(dark: int, layout) -> int:
    lines, gaps, rows, rows_but_last, stride, size = layout
    light = dark ^ lines
    return (n1_runs(dark, light) + n2_blocks(dark, light, rows_but_last, stride)
            + n3_finder_like(dark, light, gaps) + n4_dark_share(dark & rows, size))


# The rules take the packed lines (bit GAP + k * stride + j is module j of line k: the rows,
# then the columns) as `dark` and `light` (its complement on the modules; gaps are in neither).

def n1_runs(dark: int, light: int) -> int:
    """N1: 3 + (length - 5) per run of 5 or more modules of one colour in a row or column."""
    score = 0
    for colour in (dark, light):
        starts_of_five = colour & colour >> 1 & colour >> 2 & colour >> 3 & colour >> 4
        # A run of length n has n - 4 such starts, the first with none just before it.
        first_starts = starts_of_five & ~(starts_of_five << 1)
        score += starts_of_five.bit_count() + 2 * first_starts.bit_count()
    return score


def n2_blocks(dark: int, light: int, rows_but_last: int, stride: int) -> int:
    """N2: 3 per 2×2 block of one colour (overlapping blocks each count), over the rows."""
    blocks = 0
    for colour in (dark, light):
        pairs = colour & colour >> 1
        blocks += (pairs & pairs >> stride & rows_but_last).bit_count()
    return 3 * blocks


def n3_finder_like(dark: int, light: int, gaps: int) -> int:
    """N3: 40 per dark-light-dark-dark-dark-light-dark in a row or column with 4 light modules
    (fewer at the line's edge) before or after it. segno searches on 7 modules after one it
    counts (4 after one it does not), so of two overlapping ones only the first counts."""
    patterns = (dark & light >> 1 & dark >> 2 & dark >> 3 & dark >> 4 & light >> 5 & dark >> 6)
    if not patterns:
        return 0
    open_ = light | gaps  # outside the line counts as light
    light_before = open_ << 1 & open_ << 2 & open_ << 3 & open_ << 4
    light_after = open_ >> 7 & open_ >> 8 & open_ >> 9 & open_ >> 10
    counted = patterns & (light_before | light_after)
    # The pattern overlaps itself only 4 or 6 modules on; without such pairs all count.
    if not counted & (counted >> 4 | counted >> 6):
        return 40 * counted.bit_count()
    found, next_free = 0, 0
    while counted:
        lowest = counted & -counted
        position = lowest.bit_length() - 1
        if position >= next_free:
            found += 1
            next_free = position + 7
        counted ^= lowest
    return 40 * found


def n4_dark_share(dark_rows: int, size: int) -> int:
    """N4: 10 per full 5 % the share of dark modules is away from 50 % (segno's float sum)."""
    percent = float(dark_rows.bit_count()) / (size ** 2)
    return 10 * int(abs(percent * 100 - 50) / 5)


def _packed(matrix) -> int:
    """The rows and then the columns of a matrix of 0/1 as one int, _GAP zero bits around each."""
    rows = [bytes(row).translate(_AS_DIGITS).decode("ascii") for row in matrix]
    columns = ["".join(column) for column in zip(*rows)]
    gap = "0" * _GAP
    bits = gap + gap.join(rows + columns) + gap  # bits[p] is bit p
    return int(bits[::-1], 2)


@functools.lru_cache(maxsize=64)
def _layout(size: int):
    """(the modules' bits, the gaps' bits, the rows' bits, the bits of all rows but the last,
    the stride from one line to the next, the size) of a size × size matrix packed by _packed."""
    stride = size + _GAP
    line = (1 << size) - 1
    rows = sum(line << (_GAP + k * stride) for k in range(size))
    lines = rows | rows << (size * stride)
    all_bits = (1 << (_GAP + 2 * size * stride)) - 1
    rows_but_last = rows & ~(line << (_GAP + (size - 1) * stride))
    return lines, all_bits ^ lines, rows, rows_but_last, stride, size


@functools.lru_cache(maxsize=64)
def _mask_bits(size: int) -> tuple[int, ...]:
    """Each mask's flipped modules, packed: segno's mask functions on its encoding region
    (segno.encoder.find_and_apply_best_mask: not the function patterns, format and version
    areas or the dark module)."""
    function_matrix = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(function_matrix, size, size)
    encoder.add_alignment_patterns(function_matrix, size, size)
    function_matrix[-8][8] = 0x1
    in_region = [[function_matrix[i][j] > 0x1 for j in range(size)] for i in range(size)]
    return tuple(_packed([[int(in_region[i][j] and flips(i, j)) for j in range(size)] for i in range(size)])
                 for flips in encoder.get_data_mask_functions(False))
