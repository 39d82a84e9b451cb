import pytest

from config.env import ConfigError, email_settings, env_bool, env_int, env_list


def test_booleans_accept_common_spellings_and_refuse_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", default=True) is False
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ConfigError, match="FLAG"):
        env_bool("FLAG")


def test_numbers_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNT", "12")
    monkeypatch.setenv("HOSTS", " a.example , b.example ,")
    assert env_int("COUNT", 1) == 12
    assert env_list("HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("COUNT", "many")
    with pytest.raises(ConfigError, match="COUNT"):
        env_int("COUNT", 1)


def test_email_url_smtp_with_starttls_and_credentials() -> None:
    settings = email_settings("smtp+tls://user%40example.org:p%3Ass@mail.example.org:587")
    assert settings["EMAIL_HOST"] == "mail.example.org"
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_HOST_USER"] == "user@example.org"
    assert settings["EMAIL_HOST_PASSWORD"] == "p:ss"
    assert settings["EMAIL_USE_TLS"] is True


def test_email_url_defaults_to_the_local_mailbox_and_refuses_unknown_schemes() -> None:
    assert email_settings("")["EMAIL_BACKEND"] == "luukku.core.mailbox.MailboxBackend"
    with pytest.raises(ConfigError):
        email_settings("pigeon://coop")


def test_an_organisation_cannot_take_a_short_name_the_addresses_use(db: None) -> None:
    import pytest
    from django.core.exceptions import ValidationError

    from luukku.core.actions import do_create_organisation

    with pytest.raises(ValidationError, match="short name"):
        do_create_organisation(name="Staff", slug="staff")
    assert do_create_organisation(name="Staff Oy", slug="staff-oy").slug == "staff-oy"
