"""Merkle hashing and proofs against RFC 6962's published test tree, and tamper rejection."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import merkle

# The 8-leaf test tree of RFC 6962's reference implementation (certificate-transparency
# merkle_tree_test): leaf inputs and the published root of every prefix.
CT_INPUTS = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
CT_ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
CT_LEAVES = merkle.leaf_hashes(CT_INPUTS)

# (leaf index, tree size, audit path) from the same reference test suite.
INCLUSION_VECTORS = [
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]  # fmt: skip

CONSISTENCY_VECTORS = [
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]  # fmt: skip


def mth(leaves: list[bytes]) -> bytes:
    """The RFC's recursive definition, written plainly, as the reference for the fast code."""
    if not leaves:
        return merkle.EMPTY_ROOT
    if len(leaves) == 1:
        return leaves[0]
    k = 1 << ((len(leaves) - 1).bit_length() - 1)
    return merkle.node_hash(mth(leaves[:k]), mth(leaves[k:]))


def ranged(leaves: list[bytes]) -> merkle.RangeHash:
    return lambda a, b: mth(leaves[a:b])


@pytest.mark.parametrize("size", range(9))
def test_published_roots_of_the_rfc_test_tree(size: int) -> None:
    leaves = CT_LEAVES[:size]
    assert merkle.root_of(leaves).hex() == CT_ROOTS[size]
    f = merkle.Frontier()
    for leaf in leaves:
        f.append(leaf)
    assert f.root().hex() == CT_ROOTS[size]


def test_rfc_8_leaf_root() -> None:
    assert merkle.root_of(CT_LEAVES).hex() == (
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    )


@pytest.mark.parametrize(("index", "size", "path"), INCLUSION_VECTORS)
def test_inclusion_vectors(index: int, size: int, path: list[str]) -> None:
    proof = merkle.inclusion_path(index, size, ranged(CT_LEAVES))
    assert [p.hex() for p in proof] == path
    root = bytes.fromhex(CT_ROOTS[size])
    assert merkle.verify_inclusion(CT_LEAVES[index], index, size, proof, root)


@pytest.mark.parametrize(("old", "new", "path"), CONSISTENCY_VECTORS)
def test_consistency_vectors(old: int, new: int, path: list[str]) -> None:
    proof = merkle.consistency_path(old, new, ranged(CT_LEAVES))
    assert [p.hex() for p in proof] == path
    assert merkle.verify_consistency(
        old, new, bytes.fromhex(CT_ROOTS[old]), bytes.fromhex(CT_ROOTS[new]), proof
    )


LEAVES_70 = [merkle.leaf_hash(i.to_bytes(2, "big")) for i in range(70)]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 13, 31, 32, 33, 64, 70])
def test_every_inclusion_proof_verifies_and_is_small(size: int) -> None:
    leaves = LEAVES_70[:size]
    root = mth(leaves)
    for i in range(size):
        proof = merkle.inclusion_path(i, size, ranged(leaves))
        assert merkle.verify_inclusion(leaves[i], i, size, proof, root)
        assert 32 * len(proof) <= 32 * math.ceil(math.log2(size)) if size > 1 else not proof
        assert not merkle.verify_inclusion(leaves[i], i, size, proof, mth(leaves[:-1] or [b""]))
        if size > 1:
            assert not merkle.verify_inclusion(leaves[i], (i + 1) % size, size, proof, root)


@pytest.mark.parametrize("new", [1, 2, 3, 7, 8, 9, 16, 17, 31, 33, 70])
def test_every_consistency_proof_verifies(new: int) -> None:
    leaves = LEAVES_70[:new]
    for old in range(new + 1):
        proof = merkle.consistency_path(old, new, ranged(leaves))
        assert merkle.verify_consistency(old, new, mth(leaves[:old]), mth(leaves), proof)


def _flips(data: bytes) -> list[bytes]:
    return [
        data[:i] + bytes([data[i] ^ (1 << b)]) + data[i + 1 :]
        for i in range(len(data))
        for b in range(8)
    ]


@pytest.mark.parametrize(("index", "size"), [(0, 1), (0, 8), (5, 8), (6, 7), (12, 13), (32, 33)])
def test_every_bit_flip_of_an_inclusion_proof_or_root_is_rejected(index: int, size: int) -> None:
    leaves = LEAVES_70[:size]
    root = mth(leaves)
    proof = merkle.inclusion_path(index, size, ranged(leaves))
    assert merkle.verify_inclusion(leaves[index], index, size, proof, root)
    for k, h in enumerate(proof):
        for bad in _flips(h):
            tampered = [*proof[:k], bad, *proof[k + 1 :]]
            assert not merkle.verify_inclusion(leaves[index], index, size, tampered, root)
    for bad in _flips(root):
        assert not merkle.verify_inclusion(leaves[index], index, size, proof, bad)
    for bad in _flips(leaves[index]):
        assert not merkle.verify_inclusion(bad, index, size, proof, root)
    # a hash too many or too few is no proof either
    assert not merkle.verify_inclusion(leaves[index], index, size, [*proof, root], root)
    if proof:
        assert not merkle.verify_inclusion(leaves[index], index, size, proof[:-1], root)


@pytest.mark.parametrize(("old", "new"), [(1, 8), (6, 8), (2, 5), (4, 8), (7, 13), (16, 33)])
def test_every_bit_flip_of_a_consistency_proof_or_roots_is_rejected(old: int, new: int) -> None:
    leaves = LEAVES_70[:new]
    r_old, r_new = mth(leaves[:old]), mth(leaves)
    proof = merkle.consistency_path(old, new, ranged(leaves))
    assert merkle.verify_consistency(old, new, r_old, r_new, proof)
    for k, h in enumerate(proof):
        for bad in _flips(h):
            tampered = [*proof[:k], bad, *proof[k + 1 :]]
            assert not merkle.verify_consistency(old, new, r_old, r_new, tampered)
    for bad in _flips(r_old):
        assert not merkle.verify_consistency(old, new, bad, r_new, proof)
    for bad in _flips(r_new):
        assert not merkle.verify_consistency(old, new, r_old, bad, proof)
    assert not merkle.verify_consistency(old, new, r_old, r_new, [*proof, r_new])
    assert not merkle.verify_consistency(old, new, r_old, r_new, proof[:-1])
    assert not merkle.verify_consistency(new, old, r_new, r_old, proof)


def test_a_rewritten_history_fails_the_consistency_proof() -> None:
    leaves = LEAVES_70[:20]
    r10 = mth(leaves[:10])
    rewritten = [*leaves[:4], merkle.leaf_hash(b"forged"), *leaves[5:]]
    proof = merkle.consistency_path(10, 20, ranged(rewritten))
    assert not merkle.verify_consistency(10, 20, r10, mth(rewritten), proof)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 40), min_size=1, max_size=8))
def test_bulk_extend_equals_one_by_one(chunks: list[int]) -> None:
    n = sum(chunks)
    leaves = [merkle.leaf_hash(i.to_bytes(3, "big")) for i in range(n)]
    bulk, single = merkle.Frontier(), merkle.Frontier()
    i = 0
    for c in chunks:
        bulk.extend(leaves[i : i + c])
        for leaf in leaves[i : i + c]:
            single.append(leaf)
        i += c
        assert bulk.nodes == single.nodes
        assert bulk.root() == mth(leaves[:i])


def test_out_of_range_requests_are_refused() -> None:
    with pytest.raises(ValueError):
        merkle.inclusion_path(3, 3, ranged(CT_LEAVES))
    with pytest.raises(ValueError):
        merkle.consistency_path(5, 4, ranged(CT_LEAVES))
    assert not merkle.verify_inclusion(CT_LEAVES[0], 8, 8, [], bytes(32))
    with pytest.raises(ValueError):
        merkle.Frontier(3, [bytes(32)])
