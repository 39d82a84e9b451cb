from luukku.bookings.demo import seed_demo_bookings
from luukku.bookings.models import Booking, BookingCalendar
from luukku.bookings.tests.factories import make_advisor
from luukku.core.models import Organisation


def test_demo_has_two_calendars_with_sessions(organisation: Organisation) -> None:
    staff = [make_advisor(organisation, f"advisor{n}@example.com") for n in range(2)]
    calendars = seed_demo_bookings(organisation=organisation, staff=staff, seed=7)
    assert [c.access for c in calendars] == ["anyone", "signed_in"]
    assert calendars[0].meeting_link == "generated"
    assert "{room}" in calendars[1].meeting_url_template
    assert Booking.objects.filter(calendar=calendars[0]).count() >= 5
    assert Booking.objects.filter(calendar=calendars[1]).exists()
    seed_demo_bookings(organisation=organisation, staff=staff, seed=7)  # again: no duplicates
    assert BookingCalendar.objects.filter(organisation=organisation).count() == 2
