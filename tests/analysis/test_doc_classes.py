import pytest

from app.analysis.doc_classes import classify_document, classify_name, content_class


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("PI_SolarTech_2026-001.pdf", "pi"),
        ("Proforma Invoice 2026.pdf", "pi"),
        ("形式发票-阳光.pdf", "pi"),
        ("报价单_2026.xlsx", "quotation"),
        ("Angebot_4711.pdf", "quotation"),
        ("Cotización 2026.pdf", "quotation"),
        ("Devis_2026.pdf", "quotation"),
        ("Preisliste 2026.xlsx", "price_list"),
        ("Lista de precios.xlsx", "price_list"),
        ("价格表.xlsx", "price_list"),
        ("合同-2026.docx", "contract"),
        ("Vertrag_SolarTech.pdf", "contract"),
        ("Contrato.pdf", "contract"),
        ("Contrat_cadre.pdf", "contract"),
        ("Commercial Invoice 88.pdf", "invoice"),
        ("产品目录2026.pdf", "catalogue"),
        ("Katalog.pdf", "catalogue"),
        ("Company Profile.pdf", "profile"),
        ("photo.jpg", "other"),
        ("pipeline.pdf", "other"),
    ],
)
def test_classify_name(name, expected):
    assert classify_name(name) == expected


def test_text_decides_when_name_is_neutral():
    assert classify_document("scan0001.pdf", "PROFORMA INVOICE No. 2026-001") == "pi"
    assert classify_document("scan0001.pdf", "Lorem ipsum") == "other"
    assert classify_document("Katalog.pdf", "Proforma") == "catalogue"


def test_content_class_ordering():
    assert content_class(["catalogue", "profile"]) == "general"
    assert content_class(["catalogue"], has_prices=True) == "commercial"
    assert content_class(["quotation", "pi"]) == "contractual"
    assert content_class(["catalogue"], internal=True) == "internal"
    assert content_class([]) == "general"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CompanyProfile.pdf", "profile"),
        ("v1.2 Katalog.pdf", "catalogue"),
        ("2026.03_Proforma-Invoice.pdf", "pi"),
        ("Sales.Contract.final.docx", "contract"),
    ],
)
def test_names_glued_in_camel_case_or_with_dots_are_read_word_by_word(name, expected):
    assert classify_name(name) == expected
