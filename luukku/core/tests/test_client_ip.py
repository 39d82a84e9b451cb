"""Per-IP limits key on the visitor's address: forged X-Forwarded-For is ignored unless it
comes from a configured proxy, and behind one every visitor gets a bucket of their own."""

import click
import pytest
from django.http import HttpRequest
from django.test import RequestFactory, override_settings
from uvicorn.main import main as uvicorn_cli

from config.env import env_networks
from luukku.core.client_ip import client_ip
from luukku.core.management.commands.serve import web_command


def request_from(peer: str, forwarded: str | None = None) -> HttpRequest:
    request = RequestFactory().get("/", REMOTE_ADDR=peer)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


def networks(*cidrs: str) -> list[object]:
    import ipaddress

    return [ipaddress.ip_network(cidr) for cidr in cidrs]


@override_settings(TRUSTED_PROXIES=[], PROXY_HOPS=1)
def test_a_forged_header_from_loopback_is_ignored_by_default() -> None:
    assert client_ip(request_from("127.0.0.1", "203.0.113.9")) == "127.0.0.1"
    assert client_ip(request_from("::1", "203.0.113.9")) == "::1"


@override_settings(TRUSTED_PROXIES=networks("10.0.0.0/8"), PROXY_HOPS=1)
def test_behind_a_trusted_proxy_the_visitor_is_the_address_it_appended() -> None:
    # The visitor forged the left entry; the proxy appended the real peer on the right.
    request = request_from("10.1.2.3", "198.51.100.66, 203.0.113.9")
    assert client_ip(request) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=networks("10.0.0.0/8"), PROXY_HOPS=1)
def test_a_header_from_an_untrusted_peer_is_ignored() -> None:
    assert client_ip(request_from("192.0.2.7", "203.0.113.9")) == "192.0.2.7"


@override_settings(TRUSTED_PROXIES=networks("10.0.0.0/8"), PROXY_HOPS=2)
def test_two_hops_are_followed_only_through_trusted_proxies() -> None:
    # CDN edge 10.9.9.9 -> load balancer 10.1.2.3 -> app; the visitor is 203.0.113.9.
    assert client_ip(request_from("10.1.2.3", "6.6.6.6, 203.0.113.9, 10.9.9.9")) == "203.0.113.9"
    # An untrusted address one hop in stops the walk: its claims are not believed.
    assert client_ip(request_from("10.1.2.3", "6.6.6.6, 203.0.113.9")) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=networks("10.0.0.0/8"), PROXY_HOPS=3)
def test_more_hops_than_proxies_never_reach_the_forged_part() -> None:
    assert client_ip(request_from("10.1.2.3", "6.6.6.6, 203.0.113.9")) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=networks("10.0.0.0/8"), PROXY_HOPS=1)
def test_garbage_in_the_header_falls_back_to_the_proxy() -> None:
    assert client_ip(request_from("10.1.2.3", "not-an-address")) == "10.1.2.3"
    assert client_ip(request_from("10.1.2.3", "[2001:db8::1]:443")) == "2001:db8::1"


def test_the_setting_refuses_a_bad_network(monkeypatch: pytest.MonkeyPatch) -> None:
    from config.env import ConfigError

    monkeypatch.setenv("LUUKKU_TRUSTED_PROXIES", "10.0.0.0/8, 2001:db8::/32")
    assert [str(n) for n in env_networks("LUUKKU_TRUSTED_PROXIES")] == [
        "10.0.0.0/8",
        "2001:db8::/32",
    ]
    monkeypatch.setenv("LUUKKU_TRUSTED_PROXIES", "10.0.0.0/33")
    with pytest.raises(ConfigError, match="LUUKKU_TRUSTED_PROXIES"):
        env_networks("LUUKKU_TRUSTED_PROXIES")


def test_the_serve_command_stops_uvicorn_rewriting_the_peer_from_headers() -> None:
    # uvicorn by default believes X-Forwarded-For from 127.0.0.1, before Luukku sees it.
    context = uvicorn_cli.make_context("uvicorn", web_command("127.0.0.1", 8000, 1)[3:])
    assert isinstance(context, click.Context)
    assert context.params["proxy_headers"] is False
