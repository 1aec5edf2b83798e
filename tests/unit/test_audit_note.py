"""C2SP signed notes and checkpoints: the reference vector, and strict parsing."""

from __future__ import annotations

import base64

import pytest

from audit import merkle
from audit.errors import LogFormatError, SigningKeyError
from audit.note import (
    Signer,
    Verifier,
    open_note,
    parse_checkpoint,
    sign_checkpoint,
    sign_note,
)

# golang.org/x/mod/sumdb/note's documented example key and note (the format's reference).
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
GO_NOTE = (
    GO_TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZ"
    "SNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)


def test_reference_keys_and_note_byte_for_byte() -> None:
    signer, verifier = Signer.parse(GO_SKEY), Verifier.parse(GO_VKEY)
    assert signer.encode() == GO_SKEY
    assert verifier.encode() == GO_VKEY
    assert signer.verifier == verifier
    assert sign_note(GO_TEXT, signer) == GO_NOTE
    assert open_note(GO_NOTE.encode(), verifier) == GO_TEXT


def test_signer_repr_hides_the_seed() -> None:
    s = Signer.parse(GO_SKEY)
    assert "AYEKF" not in repr(s) and s.seed.hex() not in repr(s)


@pytest.mark.parametrize(
    "bad",
    [
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # wrong id
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",  # bad base64
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # space
        "PeterNeumann",
        "",
    ],
)
def test_malformed_verifier_keys_are_refused(bad: str) -> None:
    with pytest.raises(SigningKeyError):
        Verifier.parse(bad)


def _note(signer: Signer, size: int = 3) -> bytes:
    return sign_checkpoint("example.org/log", size, merkle.EMPTY_ROOT, signer).note


def test_checkpoint_round_trip() -> None:
    s = Signer.generate("example")
    cp = parse_checkpoint(_note(s), s.verifier)
    assert (cp.origin, cp.size, cp.root) == ("example.org/log", 3, merkle.EMPTY_ROOT)
    assert cp.note.decode().splitlines()[:3] == [
        "example.org/log",
        "3",
        base64.b64encode(merkle.EMPTY_ROOT).decode(),
    ]


def test_every_single_byte_change_of_a_checkpoint_is_refused() -> None:
    s = Signer.generate("example")
    note = _note(s, 1000)
    for i in range(len(note)):
        for delta in (1, 0x20, 0x80):
            bad = bytearray(note)
            bad[i] = (bad[i] + delta) % 256
            with pytest.raises(LogFormatError):
                parse_checkpoint(bytes(bad), s.verifier)


def test_another_key_or_extra_lines_are_refused() -> None:
    ours, theirs = Signer.generate("example"), Signer.generate("example")
    with pytest.raises(LogFormatError, match=r"not by|does not verify"):
        parse_checkpoint(_note(theirs), ours.verifier)
    text = "example.org/log\n3\n" + base64.b64encode(merkle.EMPTY_ROOT).decode() + "\nextra\n"
    with pytest.raises(LogFormatError, match="3"):
        parse_checkpoint(sign_note(text, ours).encode(), ours.verifier)


def test_cosigned_export_accepted_only_when_asked() -> None:
    ours, witness = Signer.generate("example"), Signer.generate("witness")
    note = _note(ours).decode()
    sig = sign_note(parse_checkpoint(note.encode(), ours.verifier).text, witness)
    cosigned = (note + sig.split("\n\n", 1)[1]).encode()
    with pytest.raises(LogFormatError, match="2 signature lines"):
        parse_checkpoint(cosigned, ours.verifier)
    assert parse_checkpoint(cosigned, ours.verifier, only_signer=False).size == 3
