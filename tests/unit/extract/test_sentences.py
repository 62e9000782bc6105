"""split_sentences on written English and French news text."""

from __future__ import annotations

import pytest

from sitreps.extract.sentences import split_sentences

TEXTS = [
    "Gunmen attacked Djibo on Monday. Five soldiers were killed.",
    "  Des hommes armés ont attaqué Djibo lundi.   Cinq soldats ont été tués.  ",
    "Gen. Traoré visited the camp.\nResidents fled.\n\nThe army said 12 people died!",
    "Is it over? Yes… Not yet.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_split_sentences_offsets_slice_back_to_the_text(text):
    sentences = split_sentences(text)
    assert sentences
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gunmen attacked Djibo. Five soldiers were killed.", ["Gunmen attacked Djibo.", "Five soldiers were killed."]),
        ("Was it JNIM? Nobody knows! Officials… said nothing.", ["Was it JNIM?", "Nobody knows!", "Officials… said nothing."]),
        ("The convoy was hit. 12 people died.", ["The convoy was hit.", "12 people died."]),
        ('They fled. "We ran," she said.', ["They fled.", '"We ran," she said.']),
        ("Les soldats ont riposté. Le bilan est lourd.", ["Les soldats ont riposté.", "Le bilan est lourd."]),
    ],
)
def test_split_sentences_cuts_at_end_punctuation(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    "text, first",
    [
        ("Gen. Traoré visited the camp. He left.", "Gen. Traoré visited the camp."),
        ("Lt. Col. Assimi Goïta spoke on Monday. He left.", "Lt. Col. Assimi Goïta spoke on Monday."),
        ("Mr. Diallo said the army arrived. He left.", "Mr. Diallo said the army arrived."),
        ("Soldiers from the U.S. Africa Command arrived. They left.", "Soldiers from the U.S. Africa Command arrived."),
        ("M. Diallo a déclaré que tout allait bien. Il est parti.", "M. Diallo a déclaré que tout allait bien."),
        ("Mme Traoré et Dr. Koné sont arrivés. Ils sont partis.", "Mme Traoré et Dr. Koné sont arrivés."),
    ],
)
def test_split_sentences_abbreviations_do_not_split(text, first):
    sentences = split_sentences(text)
    assert [s.text for s in sentences][0] == first
    assert len(sentences) == 2


@pytest.mark.parametrize(
    "text, first",
    [
        ("It was A. B. Traoré who spoke. He left.", "It was A. B. Traoré who spoke."),
        ("J. Smith of Reuters reported the attack. He left.", "J. Smith of Reuters reported the attack."),
    ],
)
def test_split_sentences_initials_do_not_split(text, first):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [first, "He left."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Attack in Djibo\nGunmen killed five people", ["Attack in Djibo", "Gunmen killed five people"]),
        ("Attaque à Djibo\nDes hommes armés ont tué cinq personnes", ["Attaque à Djibo", "Des hommes armés ont tué cinq personnes"]),
        ("five were killed\nand more were wounded", ["five were killed", "and more were wounded"]),
        ("Summary:\n- Djibo attacked\n- Boni retaken", ["Summary:", "- Djibo attacked", "- Boni retaken"]),
    ],
)
def test_split_sentences_newlines_split(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    "text, paragraphs",
    [
        ("One. Two.\n\nThree. Four.", [0, 0, 1, 1]),
        ("Title line\nBody one. Body two.", [0, 1, 1]),
        ("Un.\n\n\n\nDeux.\nTrois.", [0, 1, 2]),
    ],
)
def test_split_sentences_paragraph_index_increments(text, paragraphs):
    assert [s.paragraph for s in split_sentences(text)] == paragraphs


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_split_sentences_blank_text_has_no_sentences(text):
    assert split_sentences(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il a dit : « Ils sont partis. » Puis il a fui.", ["Il a dit : « Ils sont partis. »", "Puis il a fui."]),
    ],
)
def test_split_sentences_french_closing_guillemet_ends_sentence(text, expected):
    assert [s.text for s in split_sentences(text)] == expected
