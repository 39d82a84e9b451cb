import pytest
from django.test import Client

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.testing.storage import assert_nothing_stored
from luukku.discussions import actions
from luukku.discussions.models import Comment, Reaction, Thread
from luukku.programmes.models import Programme

pytestmark = pytest.mark.usefixtures("coach", "maija", "pekka", "observer")


def test_list_threads(programme: Programme, thread: Thread, pekka: User, signed_in: SignIn) -> None:
    response = signed_in(pekka).get(f"/api/v1/discussions/programmes/{programme.pk}/threads")
    assert response.status_code == 200
    assert [item["title"] for item in response.json()] == ["Hei kaikki"]
    assert response.json()[0]["author_name"] == "Maija Meikäläinen"


def test_create_thread_sanitises(programme: Programme, pekka: User, signed_in: SignIn) -> None:
    response = signed_in(pekka).post(
        f"/api/v1/discussions/programmes/{programme.pk}/threads",
        {"title": "API", "body_html": "<p>ok</p><script>alert(1)</script>"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["body_html"] == "<p>ok</p>"


def test_get_thread_hides_removed_comment_text(
    thread: Thread, coach: User, pekka: User, signed_in: SignIn
) -> None:
    comment = actions.do_add_comment(user=pekka, thread=thread, body_html="Rude")
    actions.do_moderate_comment(user=coach, comment=comment)
    response = signed_in(pekka).get(f"/api/v1/discussions/threads/{thread.pk}")
    assert response.json()["comments"] == [
        {
            "id": comment.pk,
            "author_name": "Pekka Puupää",
            "body_html": "",
            "created_at": response.json()["comments"][0]["created_at"],
            "edited_at": None,
            "state": "removed_by_coach",
        }
    ]


def test_add_comment(thread: Thread, pekka: User, signed_in: SignIn) -> None:
    response = signed_in(pekka).post(
        f"/api/v1/discussions/threads/{thread.pk}/comments",
        {"body": "Plain <b>text</b>"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert Comment.objects.get().body_html == "<p>Plain &lt;b&gt;text&lt;/b&gt;</p>"


def test_locked_thread_refuses_comment_with_400(
    thread: Thread, coach: User, pekka: User, signed_in: SignIn
) -> None:
    actions.do_lock_thread(user=coach, thread=thread, locked=True)
    with assert_nothing_stored(Comment, Thread):
        response = signed_in(pekka).post(
            f"/api/v1/discussions/threads/{thread.pk}/comments",
            {"body": "Late"},
            content_type="application/json",
        )
    assert response.status_code == 400
    assert response.json()["error"] == "refused"
    assert "locked" in response.json()["detail"]


def test_observer_gets_403_on_comment(thread: Thread, observer: User, signed_in: SignIn) -> None:
    with assert_nothing_stored(Comment, Thread):
        response = signed_in(observer).post(
            f"/api/v1/discussions/threads/{thread.pk}/comments",
            {"body": "x"},
            content_type="application/json",
        )
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


def test_toggle_reaction(thread: Thread, pekka: User, signed_in: SignIn) -> None:
    client = signed_in(pekka)
    url = f"/api/v1/discussions/threads/{thread.pk}/reactions"
    first = client.post(url, {"kind": "idea"}, content_type="application/json")
    assert first.json() == {"reacted": True}
    second = client.post(url, {"kind": "idea"}, content_type="application/json")
    assert second.json() == {"reacted": False}
    assert not Reaction.objects.exists()


@pytest.mark.parametrize("stranger", ["outsider", "neighbour"])
def test_member_of_another_programme_gets_404(
    programme: Programme,
    thread: Thread,
    stranger: str,
    signed_in: SignIn,
    request: pytest.FixtureRequest,
) -> None:
    client = signed_in(request.getfixturevalue(stranger))
    for response in [
        client.get(f"/api/v1/discussions/programmes/{programme.pk}/threads"),
        client.get(f"/api/v1/discussions/threads/{thread.pk}"),
        client.post(
            f"/api/v1/discussions/threads/{thread.pk}/comments",
            {"body": "x"},
            content_type="application/json",
        ),
        client.post(
            f"/api/v1/discussions/threads/{thread.pk}/reactions",
            {"kind": "like"},
            content_type="application/json",
        ),
    ]:
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"


def test_needs_sign_in(client: Client, thread: Thread) -> None:
    assert client.get(f"/api/v1/discussions/threads/{thread.pk}").status_code == 401
