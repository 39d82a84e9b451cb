"""The test client's response type, for test helpers that return one."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # django-stubs' name for what Client.get/post return: an HttpResponse with the test
    # client's extras (json(), templates, ...). It exists in the stubs only.
    from django.test.client import _MonkeyPatchedWSGIResponse as ClientResponse
else:
    from django.http import HttpResponse as ClientResponse

__all__ = ["ClientResponse"]
