from luukku.accounts.addresses import parse_address_list


def test_one_address_per_line_is_read() -> None:
    result = parse_address_list("anna@example.com\nBo@Example.com\n")
    assert [invitee.email for invitee in result.invitees] == ["anna@example.com", "bo@example.com"]
    assert result.errors == []


def test_names_and_addresses_in_either_order_with_a_csv_header() -> None:
    result = parse_address_list("name,email\nAnna Aalto,anna@example.com\nbo@example.com,Bo Berg\n")
    assert [(i.email, i.display_name) for i in result.invitees] == [
        ("anna@example.com", "Anna Aalto"),
        ("bo@example.com", "Bo Berg"),
    ]


def test_semicolon_separated_csv_from_a_spreadsheet() -> None:
    result = parse_address_list("Anna Aalto;anna@example.com\nBo Berg;bo@example.com")
    assert len(result.invitees) == 2


def test_duplicates_are_merged_case_insensitively() -> None:
    result = parse_address_list("anna@example.com\nANNA@example.com\nanna@example.com")
    assert len(result.invitees) == 1
    assert result.duplicates_merged == 2


def test_bad_rows_are_reported_by_line_number() -> None:
    result = parse_address_list("anna@example.com\nnot-an-address\n\nbo@@example.com\n")
    assert [line for line, _message in result.errors] == [2, 4]
    assert "not-an-address" in result.errors[0][1]
