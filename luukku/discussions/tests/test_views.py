import pytest
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.testing.storage import assert_nothing_stored
from luukku.discussions import actions
from luukku.discussions.models import Comment, Reaction, Thread
from luukku.programmes.models import Page, Programme

pytestmark = pytest.mark.usefixtures("coach", "maija", "pekka", "observer")


def test_list_shows_pinned_first_then_latest_activity(
    programme: Programme, thread: Thread, coach: User, pekka: User, signed_in: SignIn
) -> None:
    older = actions.do_create_thread(user=pekka, programme=programme, title="Older", body_html="x")
    newest = actions.do_create_thread(
        user=pekka, programme=programme, title="Newest", body_html="x"
    )
    actions.do_pin_thread(user=coach, thread=older, pinned=True)
    actions.do_add_comment(user=coach, thread=thread, body_html="Bump")
    response = signed_in(pekka).get(reverse("discussions:list", args=[programme.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.index("Older") < content.index("Hei kaikki") < content.index(newest.title)


def test_list_needs_no_query_per_thread(
    programme: Programme,
    pekka: User,
    signed_in: SignIn,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    for number in range(5):
        actions.do_create_thread(user=pekka, programme=programme, title=f"T{number}", body_html="x")
    client = signed_in(pekka)
    client.get(reverse("discussions:list", args=[programme.pk]))
    actions.do_create_thread(user=pekka, programme=programme, title="T5", body_html="x")
    with django_assert_max_num_queries(25) as captured:
        client.get(reverse("discussions:list", args=[programme.pk]))
    baseline = len(captured)
    for number in range(6, 12):
        actions.do_create_thread(user=pekka, programme=programme, title=f"T{number}", body_html="x")
    with django_assert_max_num_queries(baseline):
        client.get(reverse("discussions:list", args=[programme.pk]))


def test_create_thread_through_the_form(
    programme: Programme, pekka: User, signed_in: SignIn
) -> None:
    response = signed_in(pekka).post(
        reverse("discussions:create", args=[programme.pk]),
        {"title": "Apua", "body": "Miten <script>alert(1)</script> tämä toimii?"},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("discussions:thread", args=[thread.pk])
    assert "<script" not in thread.body_html
    assert "&lt;script&gt;" in thread.body_html


def test_create_thread_with_missing_title_is_400(
    programme: Programme, pekka: User, signed_in: SignIn
) -> None:
    with assert_nothing_stored(Thread):
        response = signed_in(pekka).post(
            reverse("discussions:create", args=[programme.pk]), {"title": "", "body": "x"}
        )
    assert response.status_code == 400


def test_create_thread_on_a_page(
    programme: Programme, page: Page, pekka: User, signed_in: SignIn
) -> None:
    url = reverse("discussions:create", args=[programme.pk]) + f"?page={page.pk}"
    signed_in(pekka).post(url, {"title": "Sivusta", "body": "x", "page": page.pk})
    assert Thread.objects.get().page == page


def test_observer_reads_but_cannot_post(
    programme: Programme, thread: Thread, observer: User, signed_in: SignIn
) -> None:
    client = signed_in(observer)
    assert client.get(reverse("discussions:thread", args=[thread.pk])).status_code == 200
    assert client.get(reverse("discussions:create", args=[programme.pk])).status_code == 403
    with assert_nothing_stored(Comment, Thread):
        response = client.post(reverse("discussions:add_comment", args=[thread.pk]), {"body": "x"})
    assert response.status_code == 403


@pytest.mark.parametrize("stranger", ["outsider", "neighbour"])
def test_member_of_another_programme_gets_404_everywhere(
    programme: Programme,
    thread: Thread,
    stranger: str,
    signed_in: SignIn,
    request: pytest.FixtureRequest,
) -> None:
    client = signed_in(request.getfixturevalue(stranger))
    urls = [
        reverse("discussions:list", args=[programme.pk]),
        reverse("discussions:create", args=[programme.pk]),
        reverse("discussions:thread", args=[thread.pk]),
        reverse("discussions:edit_thread", args=[thread.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("discussions:add_comment", args=[thread.pk]), {"body": "x"})
    assert response.status_code == 404


def test_locked_thread_refuses_comment_with_a_message(
    thread: Thread, coach: User, pekka: User, signed_in: SignIn
) -> None:
    actions.do_lock_thread(user=coach, thread=thread, locked=True)
    client = signed_in(pekka)
    client.cookies.load({"django_language": "en"})
    response = client.post(reverse("discussions:add_comment", args=[thread.pk]), {"body": "Hi"})
    assert response.status_code == 400
    assert "This discussion is locked" in response.content.decode()
    assert not Comment.objects.exists()


def test_someone_else_cannot_edit_or_delete_my_thread(
    thread: Thread, pekka: User, signed_in: SignIn
) -> None:
    client = signed_in(pekka)
    assert client.get(reverse("discussions:edit_thread", args=[thread.pk])).status_code == 403
    with assert_nothing_stored(Thread):
        response = client.post(
            reverse("discussions:edit_thread", args=[thread.pk]), {"title": "Mine", "body": "x"}
        )
        deleting = client.post(reverse("discussions:delete_thread", args=[thread.pk]))
    assert response.status_code == 403
    assert deleting.status_code == 403


def test_author_edits_and_deletes_own_thread(
    thread: Thread, maija: User, signed_in: SignIn
) -> None:
    client = signed_in(maija)
    form = client.get(reverse("discussions:edit_thread", args=[thread.pk])).content.decode()
    assert "Esittäytykää!</textarea>" in form
    client.post(
        reverse("discussions:edit_thread", args=[thread.pk]), {"title": "Uusi", "body": "y"}
    )
    client.post(reverse("discussions:delete_thread", args=[thread.pk]))
    thread.refresh_from_db()
    assert thread.title == "Uusi"
    assert thread.deleted_at is not None
    assert client.get(reverse("discussions:thread", args=[thread.pk])).status_code == 404


def test_someone_else_cannot_edit_or_delete_my_comment(
    thread: Thread, maija: User, pekka: User, signed_in: SignIn
) -> None:
    comment = actions.do_add_comment(user=pekka, thread=thread, body_html="Mine")
    client = signed_in(maija)
    edit = reverse("discussions:edit_comment", args=[comment.pk])
    delete = reverse("discussions:delete_comment", args=[comment.pk])
    with assert_nothing_stored(Comment):
        assert client.post(edit, {"body": "Hacked"}).status_code == 403
        assert client.post(delete).status_code == 403


def test_participant_cannot_use_coach_buttons(
    thread: Thread, pekka: User, signed_in: SignIn
) -> None:
    comment = actions.do_add_comment(user=pekka, thread=thread, body_html="Hi")
    client = signed_in(pekka)
    for url, data in [
        (reverse("discussions:pin_thread", args=[thread.pk]), {"pinned": "1"}),
        (reverse("discussions:lock_thread", args=[thread.pk]), {"locked": "1"}),
        (reverse("discussions:moderate_comment", args=[comment.pk]), {"removed": "1"}),
    ]:
        assert client.post(url, data).status_code == 403, url


def test_moderated_comment_shows_as_removed(
    thread: Thread, coach: User, pekka: User, signed_in: SignIn
) -> None:
    comment = actions.do_add_comment(user=pekka, thread=thread, body_html="Secret rude text")
    client = signed_in(coach)
    client.cookies.load({"django_language": "en"})
    client.post(reverse("discussions:moderate_comment", args=[comment.pk]), {"removed": "1"})
    content = client.get(reverse("discussions:thread", args=[thread.pk])).content.decode()
    assert "removed by a coach" in content
    assert "Secret rude text" not in content


def test_reaction_button_toggles(thread: Thread, pekka: User, signed_in: SignIn) -> None:
    client = signed_in(pekka)
    url = reverse("discussions:react_to_thread", args=[thread.pk])
    client.post(url, {"kind": "heart"})
    assert Reaction.objects.filter(user=pekka, thread=thread, kind="heart").exists()
    response = client.post(url, {"kind": "heart"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'aria-pressed="false"' in response.content.decode()
    assert not Reaction.objects.exists()


def test_unknown_reaction_is_400(thread: Thread, pekka: User, signed_in: SignIn) -> None:
    url = reverse("discussions:react_to_thread", args=[thread.pk])
    with assert_nothing_stored(Reaction):
        assert signed_in(pekka).post(url, {"kind": "angry"}).status_code == 400


def test_thread_page_is_one_query_set_regardless_of_comments(
    thread: Thread,
    pekka: User,
    signed_in: SignIn,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    client = signed_in(pekka)
    actions.do_add_comment(user=pekka, thread=thread, body_html="One")
    with django_assert_max_num_queries(40) as captured:
        client.get(reverse("discussions:thread", args=[thread.pk]))
    baseline = len(captured)
    for number in range(5):
        comment = actions.do_add_comment(user=pekka, thread=thread, body_html=f"C{number}")
        actions.do_toggle_reaction(user=pekka, kind="like", comment=comment)
    with django_assert_max_num_queries(baseline):
        client.get(reverse("discussions:thread", args=[thread.pk]))


def test_programme_page_lists_its_threads(
    programme: Programme, page: Page, pekka: User, signed_in: SignIn
) -> None:
    actions.do_create_thread(
        user=pekka, programme=programme, page=page, title="Sivun keskustelu", body_html="x"
    )
    response = signed_in(pekka).get(reverse("programmes:page", args=[programme.pk, page.pk]))
    assert response.status_code == 200
    assert "Sivun keskustelu" in response.content.decode()
