from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.conftest import make_user


def test_staff_links_show_for_organisation_staff_only(signed_in: SignIn, staff_user: User) -> None:
    helpdesk = reverse("helpdesk:desks")
    staff_page = signed_in(staff_user).get(reverse("programmes:list")).content.decode()
    assert f'href="{helpdesk}"' in staff_page
    participant = make_user("pia@example.com", "Pia Participant")
    participant_page = signed_in(participant).get(reverse("programmes:list")).content.decode()
    assert f'href="{helpdesk}"' not in participant_page
