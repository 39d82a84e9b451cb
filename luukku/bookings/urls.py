from django.urls import path

from luukku.bookings.views import manage, public, staff

app_name = "bookings"
urlpatterns = [
    path("", staff.advisor_home, name="advisor_home"),
    path("hours/<int:organisation_id>/", staff.availability, name="availability"),
    path("hours/<int:organisation_id>/new-feed/", staff.rotate_feed, name="rotate_feed"),
    path("new/<int:organisation_id>/", staff.calendar_new, name="calendar_new"),
    path("calendars/<int:calendar_id>/", staff.calendar_detail, name="calendar"),
    path("calendars/<int:calendar_id>/edit/", staff.calendar_edit, name="calendar_edit"),
    path("calendars/<int:calendar_id>/rooms/", staff.calendar_rooms, name="calendar_rooms"),
    path("calendars/<int:calendar_id>/statistics/", staff.statistics, name="statistics"),
    path("sessions/<int:booking_id>/", staff.booking_detail, name="booking"),
    path("sessions/<int:booking_id>/change/", staff.booking_change, name="booking_change"),
    path("feed/<int:schedule_id>/<str:token>.ics", staff.feed, name="feed"),
    path("manage/<str:token>/", manage.manage, name="manage"),
    path("manage/<str:token>/reschedule/", manage.reschedule, name="reschedule"),
    path("manage/<str:token>/cancel/", manage.cancel, name="cancel"),
    path("<slug:organisation>/<slug:calendar>/", public.start, name="start"),
    path("<slug:organisation>/<slug:calendar>/times/", public.times, name="times"),
    path("<slug:organisation>/<slug:calendar>/details/", public.details, name="details"),
]
