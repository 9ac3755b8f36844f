"""Reading a UN document's parts from its plain text (no database)."""

from interlock.domain.un_document import Block, paragraphs, parse

TEXT = """**General Assembly
Security Council**

Distr.: Limited
1 March 2027
Original: French

**Letter of the Chairman**

First paragraph of the letter.

*(Signed)* A. Chair

---

\\* A/82/1.

## Annex I

[Original: French]

### **Conclusions**

**1 and 2 March 2027**

1. Participants met,

continued after a page break.

2. They agreed:

- To meet again
- To write it down
3. A third, on the next line.

## Appendix

### Statement

Unnumbered words.
"""


def test_the_masthead_and_the_distribution_are_read_from_the_text() -> None:
    document = parse(TEXT)
    assert document.masthead == ["General Assembly", "Security Council"]
    assert (document.distribution, document.date) == ("Limited", "1 March 2027")
    assert document.languages == ["Original: French"]
    assert document.headings == [(["Letter of the Chairman"], True)]


def test_the_parts_keep_their_labels_titles_and_numbered_paragraphs() -> None:
    body, annex, appendix = parse(TEXT).parts
    assert body.blocks == [
        Block("First paragraph of the letter."),
        Block("(Signed) A. Chair", kind="signature"),
        Block("* A/82/1.", kind="footnote"),
    ]
    assert (annex.label, annex.original, annex.title, annex.subtitle) == (
        "Annex I",
        "French",
        "Conclusions",
        "1 and 2 March 2027",
    )
    assert annex.blocks == [
        Block("Participants met, continued after a page break.", number=1),
        Block("They agreed:", number=2),
        Block("To meet again", kind="bullet"),
        Block("To write it down", kind="bullet"),
        Block("A third, on the next line.", number=3),
    ]
    assert (appendix.label, appendix.title) == ("Appendix", "Statement")
    assert paragraphs(parse(TEXT))[-1] == "Unnumbered words."
